import type { ImportApplied } from '../../app/import/import.use-case.js';
import type { ImportProgress } from '../../app/import/import-progress.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { DomainError } from '../../domain/errors.js';

/** What the Confirm button answers at once, then redrawn as the import goes. */
export function importProgressCard(
  fileName: string,
  progress: ImportProgress | null,
): RenderedCard {
  const now =
    progress === null
      ? `Fetching ${fileName}.`
      : progress.step === 'checking'
        ? `Checking ${fileName} against the plan stored now.`
        : progress.percent >= 100
          ? `Written ${progress.actions} actions; switching ${progress.programmeName} to the new plan.`
          : `Writing ${progress.actions} actions for ${progress.programmeName}: ${progress.percent}% done.`;
  return renderMessageCard({
    title: `Importing ${fileName}`,
    lines: [
      now,
      'Nobody sees any of the new plan until all of it is written; then it changes at once.',
      `If this card has not changed for a few minutes, send ${fileName} to me again.`,
    ],
  });
}

export function importedCard(fileName: string, applied: ImportApplied): RenderedCard {
  const { preview, written } = applied;
  const c = preview.counts;
  return renderMessageCard({
    title: written ? `Imported ${fileName}` : `${fileName} was already in place`,
    lines: [
      `${preview.programmeName} now has ${c.actions} actions in ${c.workstreams} workstreams, ${c.roles} roles and ${c.periods} reporting periods.`,
      written ? 'Type /status to see it.' : 'Nothing needed changing.',
    ],
  });
}

/** An import that stopped on an error: what people see now, and what to do. */
export function importFailedCard(fileName: string, error: unknown): RenderedCard {
  const changedMeanwhile = error instanceof DomainError && error.code === 'CONFLICT';
  return renderMessageCard({
    title: `The import of ${fileName} did not finish`,
    lines: [
      changedMeanwhile
        ? 'The programme was changed by someone else while the plan was being written, so the import was not applied. Everyone still sees the plan as it was.'
        : 'Something went wrong while writing the plan. An import is all or nothing: everyone still sees the plan as it was, or, if the new plan was already in place, I finish it next time I start or import.',
      `Send ${fileName} to me again to try once more. If it fails again, tell whoever looks after this bot.`,
    ],
  });
}
