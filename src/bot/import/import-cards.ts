import type { ImportPreview } from '../../app/import/import.use-case.js';
import type { ImportProblem } from '../../app/import/import-problem.js';
import { previewLines } from '../../cards/import/preview-text.js';
import { describeProblem } from '../../cards/import/problem-text.js';
import { renderImportPreviewCard } from '../../cards/import/import-preview.card.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import type { DownloadResult } from './workbook-download.js';

/** A card has room for this many problems; the CLI's --dry-run lists them all. */
const PROBLEMS_SHOWN = 25;
/** References listed per kind of change; the rest are counted. */
const CHANGES_SHOWN = 15;

export function importRefusalCard(): RenderedCard {
  return renderRefusalCard({
    title: 'Only programme admins can import a plan',
    lines: ['Ask an admin to send it, or to add you with /admins add.'],
  });
}

/** Confirm for an import the bot is not waiting for: nothing is fetched or changed. */
export function unknownImportCard(fileName: string): RenderedCard {
  return renderRefusalCard({
    title: 'I cannot confirm this import',
    lines: [
      'This preview is not waiting for confirmation: it has been confirmed or cancelled already, it is more than a day old, or the card was changed. Nothing was imported.',
      `Send ${fileName || 'the workbook'} to me again to see a fresh preview.`,
    ],
  });
}

export function problemsCard(fileName: string, problems: readonly ImportProblem[]): RenderedCard {
  return renderImportPreviewCard({
    title: `${fileName} cannot be imported yet`,
    subtitle: 'Nothing has been changed. Fix these in the workbook and send it again.',
    facts: [],
    lines: [],
    problems: problems.slice(0, PROBLEMS_SHOWN).map(describeProblem),
    moreProblems: Math.max(0, problems.length - PROBLEMS_SHOWN),
    footer:
      'Row numbers are as the spreadsheet shows them (headers on row 1). For the full list: npm run admin -- import FILE --dry-run',
    confirm: null,
  });
}

/** The card for a workbook that could not be fetched or read. */
export function downloadFailureCard(
  fileName: string,
  failure: Exclude<DownloadResult, { ok: true }>,
): RenderedCard {
  if ('problem' in failure) return problemsCard(fileName, [failure.problem]);
  switch (failure.code) {
    case 'TOO_LARGE':
      return renderMessageCard({
        title: `${fileName} is too large to import`,
        lines: [
          `It is over ${Math.round(failure.limitBytes / (1024 * 1024))} MB; a plan workbook is far smaller. Check it is the plan, remove other sheets or pictures, and send it again.`,
        ],
      });
    case 'DOWNLOAD_REFUSED':
      return renderRefusalCard({
        title: `I will not fetch ${fileName}`,
        lines: [
          `I only fetch files Teams gives me at a secure address, and ${failure.reason}. Nothing was changed.`,
          'Attach the workbook to a message in our personal chat instead.',
        ],
      });
    case 'DOWNLOAD_FAILED':
      return renderMessageCard({
        title: `I could not fetch ${fileName}`,
        lines: [`The download failed (${failure.reason}).`, 'Send the file to me again.'],
      });
  }
}

/** Counts, changes and Confirm / Cancel; `importId` is null when there is nothing to do. */
export function previewCard(
  fileName: string,
  preview: ImportPreview,
  importId: string | null,
  heading?: string,
): RenderedCard {
  const [counts = '', ...changes] = previewLines(preview, CHANGES_SHOWN);
  const c = preview.counts;
  return renderImportPreviewCard({
    title: heading ?? `Import ${fileName}?`,
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
    footer:
      importId === null
        ? 'There is nothing to import.'
        : 'Nothing changes until you confirm. The import is all or nothing, and no history is lost.',
    confirm: importId === null ? null : { importId, fileName },
  });
}
