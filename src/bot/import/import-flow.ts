import { createImportUseCase, type ImportPreview } from '../../app/import/import.use-case.js';
import type { ImportProblem } from '../../app/import/import-problem.js';
import { previewLines } from '../../app/import/preview-text.js';
import { describeProblem } from '../../app/import/problem-text.js';
import { programmeIdFromFileName } from '../../app/import/programme-id.js';
import {
  renderImportPreviewCard,
  type ImportConfirmData,
} from '../../cards/import-preview.card.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';
import { actorOf, directoryOf } from '../admin/admin-context.js';
import { downloadWorkbook, type SentFile } from './workbook-download.js';

/** A card has room for this many problems; the CLI's --dry-run lists them all. */
const PROBLEMS_SHOWN = 25;
/** References listed per kind of change; the rest are counted. */
const CHANGES_SHOWN = 15;

type Outcome = { readonly card: RenderedCard };

function importerOf(deps: BotDependencies) {
  if (!deps.plans) return null;
  return createImportUseCase({ ...deps, plans: deps.plans, directory: directoryOf(deps) });
}

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

function notSetUp(): Outcome {
  return {
    card: renderMessageCard({
      title: 'Importing is not set up here',
      lines: ['Use the command line instead: npm run admin -- import plan.xlsx'],
    }),
  };
}

function downloadFailed(fileName: string, reason: string): Outcome {
  return {
    card: renderMessageCard({
      title: `I could not fetch ${fileName}`,
      lines: [`The download failed (${reason}).`, 'Send the file to me again.'],
    }),
  };
}

function problemsCard(fileName: string, problems: readonly ImportProblem[]): Outcome {
  return {
    card: renderImportPreviewCard({
      title: `${fileName} cannot be imported yet`,
      subtitle: 'Nothing has been changed. Fix these in the workbook and send it again.',
      facts: [],
      lines: [],
      problems: problems.slice(0, PROBLEMS_SHOWN).map(describeProblem),
      moreProblems: Math.max(0, problems.length - PROBLEMS_SHOWN),
      footer:
        'Row numbers are as the spreadsheet shows them (headers on row 1). For the full list: npm run admin -- import FILE --dry-run',
      confirm: null,
    }),
  };
}

function previewCard(file: SentFile, preview: ImportPreview, heading?: string): Outcome {
  const [counts = '', ...changes] = previewLines(preview, CHANGES_SHOWN);
  const c = preview.counts;
  return {
    card: renderImportPreviewCard({
      title: heading ?? `Import ${file.name}?`,
      subtitle: counts,
      facts: [
        { name: 'Workstreams', value: String(c.workstreams) },
        { name: 'Actions', value: `${c.actions} (${c.steps} steps)` },
        { name: 'Roles', value: String(c.roles) },
        { name: 'Reporting periods', value: String(c.periods) },
        { name: 'Past ratings', value: String(c.ratings) },
      ],
      lines: changes,
      problems: [],
      moreProblems: 0,
      footer: preview.unchanged
        ? 'There is nothing to import.'
        : 'Nothing changes until you confirm. The import is all or nothing, and no history is lost.',
      confirm: preview.unchanged
        ? null
        : {
            fileName: file.name,
            downloadUrl: file.downloadUrl,
            programmeId: preview.programmeId,
            fingerprint: preview.fingerprint,
          },
    }),
  };
}

/** A workbook sent to the bot: fetch it, check it, and show what importing it would do. */
export async function previewSentWorkbook(
  deps: BotDependencies,
  sender: Sender,
  file: SentFile,
): Promise<RenderedCard> {
  const importer = importerOf(deps);
  if (!importer) return notSetUp().card;
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
  const read = await downloadWorkbook(file);
  if (!read.ok) {
    return 'problem' in read
      ? problemsCard(file.name, [read.problem]).card
      : downloadFailed(file.name, read.reason).card;
  }
  const result = await importer.preview({
    actor: actorOf(sender),
    workbook: read.workbook,
    programmeId,
  });
  if (!result.ok) {
    if (result.code === 'INVALID_WORKBOOK') return problemsCard(file.name, result.problems).card;
    return refusal().card;
  }
  return previewCard(file, result.value).card;
}

function refusal(): Outcome {
  return {
    card: renderRefusalCard({
      title: 'Only programme admins can import a plan',
      lines: ['Ask an admin to send it, or to add you with /admins add.'],
    }),
  };
}

/** Confirm on the preview: fetch the same file again and import it if nothing has changed. */
export async function confirmImport(
  deps: BotDependencies,
  sender: Sender,
  data: ImportConfirmData,
): Promise<RenderedCard> {
  const importer = importerOf(deps);
  if (!importer) return notSetUp().card;
  const file = { name: data.fileName, downloadUrl: data.downloadUrl };
  const read = await downloadWorkbook(file);
  if (!read.ok) {
    return 'problem' in read
      ? problemsCard(file.name, [read.problem]).card
      : downloadFailed(file.name, read.reason).card;
  }
  const result = await importer.apply({
    actor: actorOf(sender),
    workbook: read.workbook,
    programmeId: data.programmeId,
    expectedFingerprint: data.fingerprint,
  });
  if (!result.ok) {
    switch (result.code) {
      case 'NOT_ADMIN':
        return refusal().card;
      case 'INVALID_WORKBOOK':
        return problemsCard(file.name, result.problems).card;
      case 'PREVIEW_OUT_OF_DATE':
        return previewCard(
          file,
          result.preview,
          `The plan changed since this preview: import ${file.name} as it is now?`,
        ).card;
    }
  }
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

export function cancelImport(fileName: string): RenderedCard {
  return renderMessageCard({
    title: 'Import cancelled',
    lines: [`Nothing was changed. Send ${fileName || 'the workbook'} again when you are ready.`],
  });
}
