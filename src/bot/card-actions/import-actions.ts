import { z } from 'zod';
import type { BotDependencies } from '../bot-dependencies.js';
import { cardInPlaceOf } from '../import/card-in-place.js';
import { confirmImport } from '../import/import-confirm.js';
import { cancelImport } from '../import/import-flow.js';
import { downloadPolicyFor } from '../import/workbook-download.js';
import type { Turn } from '../turn.js';
import type { CardOutcome } from './update-actions.js';

/** The buttons of the import preview card. */
export const IMPORT_VERBS = ['import-confirm', 'import-cancel'] as const;
export type ImportVerb = (typeof IMPORT_VERBS)[number];

export function isImportVerb(verb: string): verb is ImportVerb {
  return (IMPORT_VERBS as readonly string[]).includes(verb);
}

// Only the id: what to fetch and import is kept by the bot, whatever else the card sends.
const confirmSchema = z.object({
  importId: z.string().min(1).max(100),
  fileName: z.string().max(260).default(''),
});
const cancelSchema = z.object({
  importId: z.string().min(1).max(100).optional(),
  fileName: z.string().max(260).optional(),
});

/** Confirm or Cancel on an import preview; the answer replaces the preview card. */
export async function performImportAction(
  turn: Turn,
  deps: BotDependencies,
  verb: ImportVerb,
  data: unknown,
): Promise<CardOutcome | { readonly kind: 'bad-request'; readonly message: string }> {
  if (verb === 'import-cancel') {
    const parsed = cancelSchema.safeParse(data);
    return {
      kind: 'card',
      card: await cancelImport(deps, turn.sender, parsed.data ?? {}),
      replacesForm: true,
    };
  }
  const parsed = confirmSchema.safeParse(data);
  if (!parsed.success) {
    return { kind: 'bad-request', message: 'The import card is missing what it needs to confirm.' };
  }
  const policy = downloadPolicyFor(turn.context.activity.serviceUrl, deps.fileHosts);
  const inPlace = cardInPlaceOf(turn.context, deps.logger);
  const card = await confirmImport(deps, turn.sender, parsed.data, policy, inPlace);
  return { kind: 'card', card, replacesForm: true };
}
