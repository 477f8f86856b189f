import { z } from 'zod';

/** The verbs the bot's cards use; anything else is a bad request. */
export const VERBS = ['update', 'edit'] as const;
export type Verb = (typeof VERBS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v ?? '');

/** "Save" on the update form: the form's identity plus the person's inputs. */
export const updateDataSchema = z.object({
  ref: z.string().trim().min(1).max(40),
  periodId: z.string().min(1).max(60),
  etag: z.string().min(1).max(300),
  /** Where the form found the action and who owned it: hints for the Save's reads, checked. */
  aim: optionalText(200),
  owner: optionalText(80),
  rating: optionalText(40),
  // Longer than the domain's limit so an over-long note is explained beside the field.
  note: optionalText(20_000),
  evidence: optionalText(2_000),
  proposedDue: optionalText(40),
  revisionReason: optionalText(4000),
  /** Letters of the steps ticked on the form, comma-separated; absent when it has none. */
  stepsDone: z.string().max(2000).optional(),
});
export type UpdateData = z.infer<typeof updateDataSchema>;

/** "Update" on the detail card and "Change" on the receipt: open a form for this action. */
export const editDataSchema = z.object({
  ref: z.string().trim().min(1).max(40),
  /** Set by a receipt's Change: that period's answer may be changed only while it is open. */
  periodId: z.string().min(1).max(60).optional(),
});

const programmeField = z.looseObject({ programmeId: z.string().trim().min(1).max(80) });

/** The programme a card was drawn for, when its data names one. */
export function programmeOfCard(data: unknown): string | null {
  const parsed = programmeField.safeParse(data);
  return parsed.success ? parsed.data.programmeId : null;
}

/** Where the verb is: `Action.Execute` has it beside the data; `Action.Submit` inside it. */
export const submitValueSchema = z.looseObject({ verb: z.string().max(40) });

export function isVerb(value: string): value is Verb {
  return (VERBS as readonly string[]).includes(value);
}

/** Where a zod problem is, in words: "periodId: expected a string". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`)
    .join('; ');
}
