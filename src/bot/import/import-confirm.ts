import type { ImportProgress } from '../../app/import/import-progress.js';
import type { ImportConfirmData } from '../../cards/import/import-preview.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import type { PendingImport } from '../../store/pending-import.repository.js';
import { actorOf } from '../admin/admin-replies.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';
import type { CardInPlace } from './card-in-place.js';
import {
  downloadFailureCard,
  importRefusalCard,
  previewCard,
  problemsCard,
  unknownImportCard,
} from './import-cards.js';
import { awaitConfirm } from './import-flow.js';
import { importedCard, importFailedCard, importProgressCard } from './import-progress-cards.js';
import { downloadWorkbook, type DownloadPolicy } from './workbook-download.js';

/** Least time between two redraws of the progress card: Teams limits edits per chat. */
const PROGRESS_EVERY_MS = 2_000;

/**
 * Confirm on the preview. What is quick is done in the button's request: the admin check and
 * taking the pending import, so a second press or another instance cannot run it twice. The
 * import itself (fetch, check, write) then runs after the answer, with the card redrawn in
 * place as it goes and at the end. With no card to redraw it runs before the answer.
 */
export async function confirmImport(
  deps: BotDependencies,
  sender: Sender,
  data: ImportConfirmData,
  policy: DownloadPolicy,
  card: CardInPlace | null,
): Promise<RenderedCard> {
  // Checked before fetching anything, so only admins can make the bot download at all.
  if (!(await deps.adminDirectory.isAdmin(actorOf(sender)))) return importRefusalCard();
  const pending = await deps.pendingImports.get(data.importId);
  const live = pending !== null && Date.parse(pending.expiresAt) > deps.clock.now().getTime();
  if (!live || !(await deps.pendingImports.remove(pending.id))) {
    return unknownImportCard(pending?.fileName ?? data.fileName);
  }
  if (card === null) return runImport(deps, sender, pending, policy, () => undefined);
  let shownAt = -Infinity;
  const show = (progress: ImportProgress) => {
    const now = deps.clock.now().getTime();
    if (now - shownAt < PROGRESS_EVERY_MS) return;
    shownAt = now;
    card.show(importProgressCard(pending.fileName, progress));
  };
  const job = runImport(deps, sender, pending, policy, show).catch((error: unknown) => {
    deps.logger.error('A plan import failed', {
      file: pending.fileName,
      programme: pending.programmeId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return importFailedCard(pending.fileName, error);
  });
  void job.then((result) => card.finish(result));
  return importProgressCard(pending.fileName, null);
}

/** Fetches the previewed file and imports it if nothing has changed since the preview. */
async function runImport(
  deps: BotDependencies,
  sender: Sender,
  pending: PendingImport,
  policy: DownloadPolicy,
  progress: (progress: ImportProgress) => void,
): Promise<RenderedCard> {
  const file = { name: pending.fileName, downloadUrl: pending.downloadUrl };
  const read = await downloadWorkbook(file, policy);
  if (!read.ok) return downloadFailureCard(file.name, read);
  const result = await deps.imports.apply({
    actor: actorOf(sender),
    workbook: read.workbook,
    programmeId: pending.programmeId,
    expectedFingerprint: pending.fingerprint,
    progress,
  });
  if (result.ok) return importedCard(file.name, result.value);
  switch (result.code) {
    case 'NOT_ADMIN':
      return importRefusalCard();
    case 'INVALID_WORKBOOK':
      return problemsCard(file.name, result.problems);
    case 'PREVIEW_OUT_OF_DATE': {
      const next = await awaitConfirm(deps, sender, file, result.preview);
      return previewCard(
        file.name,
        result.preview,
        next,
        `The plan changed since this preview: import ${file.name} as it is now?`,
      );
    }
  }
}
