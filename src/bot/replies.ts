import { periodOpenOn } from '../app/reporting-day.js';
import { renderMessageCard } from '../cards/message.card.js';
import type { RenderedCard } from '../cards/render-template.js';
import type { IsoDate } from '../domain/local-date.js';
import type { Programme } from '../domain/programme.js';
import type { BotDependencies } from './bot-dependencies.js';

/** The answer when no plan has been imported yet. */
export function noProgrammeCard(): RenderedCard {
  return renderMessageCard({
    title: 'No plan has been loaded yet',
    lines: [
      'A programme admin can send me the plan workbook (or use the import command line) to get started.',
    ],
  });
}

/** "I cannot find X9. Did you mean X1 or X2?" with a pointer to help. */
export function notFoundCard(
  what: string,
  typed: string,
  suggestions: readonly string[],
  retry: (suggestion: string) => string,
): RenderedCard {
  return renderMessageCard({
    title: `I cannot find ${what} "${typed}"`,
    lines: [
      suggestions.length > 0
        ? `Did you mean ${suggestions.map(retry).join(' or ')}?`
        : 'Check the reference on the plan; /status lists the workstreams.',
      'Type /help to see what I can do.',
    ],
  });
}

/** "Which action? Type /update A4". */
export function missingArgumentCard(usage: string, example: string): RenderedCard {
  return renderMessageCard({
    title: 'Which one?',
    lines: [`Type ${usage}, for example ${example}.`],
  });
}

/**
 * The full report for the period open today (else the last one), at a workstream's section
 * when one is named; null when the service has no public address.
 */
export function reportUrlOf(
  deps: Pick<BotDependencies, 'reportUrlFor'>,
  programme: Programme,
  today: IsoDate,
  workstream?: string,
): string | null {
  const period = periodOpenOn(programme, today) ?? programme.periods.at(-1);
  if (!period) return null;
  const url = deps.reportUrlFor(programme.id, period.id);
  if (url === null || workstream === undefined) return url;
  return `${url}#workstream-${encodeURIComponent(workstream)}`;
}
