import { z } from 'zod';
import type { BotDependencies } from '../bot-dependencies.js';
import { cancelImport, confirmImport } from '../import/import-flow.js';
import type { Sender } from '../sender.js';
import type { CardOutcome } from './update-actions.js';

/** The buttons of the import preview card. */
export const IMPORT_VERBS = ['import-confirm', 'import-cancel'] as const;
export type ImportVerb = (typeof IMPORT_VERBS)[number];

export function isImportVerb(verb: string): verb is ImportVerb {
  return (IMPORT_VERBS as readonly string[]).includes(verb);
}

const confirmSchema = z.object({
  fileName: z.string().min(1).max(260),
  downloadUrl: z.url({ protocol: /^https?$/ }).max(4_000),
  programmeId: z.string().min(1).max(60),
  fingerprint: z.string().min(1).max(100),
});
const cancelSchema = z.object({ fileName: z.string().max(260).optional() });

/** Confirm or Cancel on an import preview; the answer replaces the preview card. */
export async function performImportAction(
  deps: BotDependencies,
  sender: Sender,
  verb: ImportVerb,
  data: unknown,
): Promise<CardOutcome | { readonly kind: 'bad-request'; readonly message: string }> {
  if (verb === 'import-cancel') {
    const parsed = cancelSchema.safeParse(data);
    return { kind: 'card', card: cancelImport(parsed.data?.fileName ?? ''), replacesForm: true };
  }
  const parsed = confirmSchema.safeParse(data);
  if (!parsed.success) {
    return { kind: 'bad-request', message: 'The import card is missing what it needs to confirm.' };
  }
  return { kind: 'card', card: await confirmImport(deps, sender, parsed.data), replacesForm: true };
}
