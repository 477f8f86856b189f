import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What Teams sends in the invokes the bot answers. botbuilder reads `value.action.type` and
 * the like without looking first, so a `value` of `{}` or a string used to end in a 500 from
 * inside it. Shapes from Teams' docs: Universal Actions (`adaptiveCard/action`) and the file
 * consent card (`fileConsent/invoke`).
 */
const INVOKE_VALUES: Readonly<Record<string, z.ZodType>> = {
  'adaptiveCard/action': z.looseObject({
    action: z.looseObject({
      type: z.literal('Action.Execute'),
      verb: z.string().min(1).max(100),
      data: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  'fileConsent/invoke': z.looseObject({
    type: z.literal('fileUpload'),
    action: z.enum(['accept', 'decline']),
    context: z.unknown().optional(),
    uploadInfo: z.looseObject({ uploadUrl: z.string().optional() }).optional(),
  }),
};

/** Why an invoke's `value` is not one Teams would send, or null when it is (or not ours). */
export function invokeValueProblem(activity: Partial<Activity>): string | null {
  if (activity.type !== 'invoke' || activity.name === undefined) return null;
  const shape = INVOKE_VALUES[activity.name];
  if (shape === undefined) return null;
  const parsed = shape.safeParse(activity.value);
  if (parsed.success) return null;
  const where = parsed.error.issues
    .map((issue) => ['value', ...issue.path].join('.'))
    .filter((path, index, all) => all.indexOf(path) === index);
  return `The ${activity.name} invoke's ${where.join(', ')} is not what Teams sends.`;
}
