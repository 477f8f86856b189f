import { formatDate } from '../domain/dates.js';
import { ONGOING, type DueDate } from '../domain/local-date.js';
import type { ActionLine } from '../app/action-line.js';
import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import { Markdown, plainText } from './plain-text.js';

/** Long plan titles are cut so a 60-action list stays small and readable on a phone. */
const TITLE_LIMIT = 80;

export function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}

export function dueText(due: DueDate | null): string {
  if (due === null) return 'No due date';
  if (due === ONGOING) return 'Ongoing';
  return `Due ${formatDate(due)}`;
}

/**
 * Template data for one action line: "**A2** **Amber** · **Overdue** title" in the text
 * colour, then owner, due date and when it was rated. A list keeps to words: a swatch per line
 * would not fit 60 actions into Teams' 28 KB; the counts above the list carry the colours.
 */
export function actionLineData(
  line: ActionLine,
  names: PeopleNames = NO_NAMES,
): { readonly ref: string; readonly line: Markdown; readonly facts: string } {
  const facts = [
    names.role(line.ownerRole),
    dueText(line.due),
    ...(line.ratedIn ? [`rated ${line.ratedIn}`] : []),
  ].join(' · ');
  const overdue = line.overdue ? ' · **Overdue**' : '';
  return {
    ref: line.ref,
    // Bold on purpose; the reference and title are people's text, shown as typed.
    line: new Markdown(
      `**${plainText(line.ref)}** **${line.rating}**${overdue} ${plainText(shorten(line.title, TITLE_LIMIT))}`,
    ),
    facts,
  };
}
