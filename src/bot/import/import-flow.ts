import { randomUUID } from 'node:crypto';
import type { ImportPreview } from '../../app/import/import.use-case.js';
import { programmeIdFromFileName } from '../../app/import/programme-id.js';
import type { ImportConfirmData } from '../../cards/import/import-preview.card.js';
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
  unknownImportCard,
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
async function awaitConfirm(
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

/**
 * Confirm on the preview: fetch the file the preview was made from (kept by the bot, not
 * taken from the card) and import it if nothing has changed since.
 */
export async function confirmImport(
  deps: BotDependencies,
  sender: Sender,
  data: ImportConfirmData,
  policy: DownloadPolicy,
): Promise<RenderedCard> {
  // Checked before fetching anything, so only admins can make the bot download at all.
  if (!(await deps.adminDirectory.isAdmin(actorOf(sender)))) return importRefusalCard();
  const pending = await deps.pendingImports.get(data.importId);
  if (!pending || Date.parse(pending.expiresAt) <= deps.clock.now().getTime()) {
    return unknownImportCard(pending?.fileName ?? data.fileName);
  }
  const file = { name: pending.fileName, downloadUrl: pending.downloadUrl };
  const read = await downloadWorkbook(file, policy);
  if (!read.ok) return downloadFailureCard(file.name, read);
  const result = await deps.imports.apply({
    actor: actorOf(sender),
    workbook: read.workbook,
    programmeId: pending.programmeId,
    expectedFingerprint: pending.fingerprint,
  });
  if (!result.ok) {
    switch (result.code) {
      case 'NOT_ADMIN':
        return importRefusalCard();
      case 'INVALID_WORKBOOK':
        return problemsCard(file.name, result.problems);
      case 'PREVIEW_OUT_OF_DATE': {
        const next = await awaitConfirm(deps, sender, file, result.preview);
        await deps.pendingImports.remove(pending.id);
        return previewCard(
          file.name,
          result.preview,
          next,
          `The plan changed since this preview: import ${file.name} as it is now?`,
        );
      }
    }
  }
  await deps.pendingImports.remove(pending.id);
  const { preview, written } = result.value;
  const c = preview.counts;
  return renderMessageCard({
    title: written ? `Imported ${file.name}` : `${file.name} was already in place`,
    lines: [
      `${preview.programmeName} now has ${c.actions} actions in ${c.workstreams} workstreams, ${c.roles} roles and ${c.periods} reporting periods.`,
      written ? 'Type /status to see it.' : 'Nothing needed changing.',
    ],
  });
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
