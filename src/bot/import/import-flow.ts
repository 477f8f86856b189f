import { randomUUID } from 'node:crypto';
import type { ImportPreview } from '../../app/import/import.use-case.js';
import { programmeIdFromFileName } from '../../app/import/programme-id.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';
import { actorOf } from '../admin/admin-replies.js';
import {
  downloadFailureCard,
  importRefusalCard,
  previewCard,
  problemsCard,
} from './import-cards.js';
import { downloadWorkbook, type DownloadPolicy, type SentFile } from './workbook-download.js';

/** How long a preview's Confirm works: long enough to read it, not long enough to forget it. */
const PENDING_HOURS = 24;

/**
 * The programme a workbook is for: the only one there is; else the one named like the file
 * ("wsoa.xlsx"); with none yet, a new one named after the file.
 */
async function programmeFor(deps: BotDependencies, fileName: string): Promise<string | null> {
  const all = await deps.programmes.list();
  const fromName = programmeIdFromFileName(fileName);
  const [only] = all;
  if (all.length === 0) return fromName;
  if (all.length === 1 && only) return only.id;
  return all.find((programme) => programme.id.toLowerCase() === fromName)?.id ?? null;
}

/**
 * Keeps what Confirm will import, server-side, and returns its id for the card: the card
 * names the import, never the address to fetch.
 */
export async function awaitConfirm(
  deps: BotDependencies,
  sender: Sender,
  file: SentFile,
  preview: ImportPreview,
): Promise<string | null> {
  if (preview.unchanged) return null;
  const id = randomUUID();
  const expires = deps.clock.now().getTime() + PENDING_HOURS * 3_600_000;
  await deps.pendingImports.save({
    id,
    fileName: file.name,
    downloadUrl: file.downloadUrl,
    programmeId: preview.programmeId,
    fingerprint: preview.fingerprint,
    requestedBy: sender.email,
    expiresAt: new Date(expires).toISOString(),
  });
  return id;
}

/** A workbook sent to the bot: fetch it, check it, and show what importing it would do. */
export async function previewSentWorkbook(
  deps: BotDependencies,
  sender: Sender,
  file: SentFile,
  policy: DownloadPolicy,
): Promise<RenderedCard> {
  const programmeId = await programmeFor(deps, file.name);
  if (programmeId === null) {
    const ids = (await deps.programmes.list()).map((p) => p.id).join(', ');
    return renderMessageCard({
      title: 'Which programme is this plan for?',
      lines: [
        `There are several (${ids}). Name the file after one, such as ${ids.split(', ')[0] ?? 'wsoa'}.xlsx, and send it again.`,
      ],
    });
  }
  const read = await downloadWorkbook(file, policy);
  if (!read.ok) return downloadFailureCard(file.name, read);
  const result = await deps.imports.preview({
    actor: actorOf(sender),
    workbook: read.workbook,
    programmeId,
  });
  if (!result.ok) {
    if (result.code === 'INVALID_WORKBOOK') return problemsCard(file.name, result.problems);
    return importRefusalCard();
  }
  const importId = await awaitConfirm(deps, sender, file, result.value);
  return previewCard(file.name, result.value, importId);
}

/** Cancel on the preview: forget the pending import, so its Confirm no longer works. */
export async function cancelImport(
  deps: BotDependencies,
  sender: Sender,
  data: { readonly importId?: string | undefined; readonly fileName?: string | undefined },
): Promise<RenderedCard> {
  // Cancel throws away an admin's preview: as much an admin's decision as Confirm.
  if (!(await deps.adminDirectory.isAdmin(actorOf(sender)))) return importRefusalCard();
  if (data.importId !== undefined) await deps.pendingImports.remove(data.importId);
  return renderMessageCard({
    title: 'Import cancelled',
    lines: [
      `Nothing was changed. Send ${data.fileName || 'the workbook'} again when you are ready.`,
    ],
  });
}
