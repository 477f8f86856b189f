import type { ActionLine } from '../app/action-line.js';
import type { MyActions } from '../app/mine.use-case.js';
import { formatDateWithDay } from '../domain/dates.js';
import { dueText, shorten } from './action-line.js';
import { ratingSwatch } from './swatch.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

/** Enough to act on from a phone; the rest are counted, and /status shows any of them. */
const TO_ANSWER_SHOWN = 12;
const OTHERS_SHOWN = 20;

export interface MineView {
  readonly mine: MyActions;
  /** "your roles: SLSESEND, ADES (deputy)", or why there are none. */
  readonly subtitle: string;
  /** What to say when the person's roles own nothing. */
  readonly empty: string;
}

/** "Amber, rated Jan 2021 · Due 31 Jul 2021 · overdue". */
function factsOf(line: ActionLine): string {
  const rating = line.ratedIn ? `${line.rating}, rated ${line.ratedIn}` : line.rating;
  return [rating, dueText(line.due), ...(line.overdue ? ['overdue'] : [])].join(' · ');
}

/**
 * `/mine`: first what still needs an answer this period and by when, each with an Update
 * button; then the person's other actions, answered or done, in a line each.
 */
export function renderMineCard(view: MineView): RenderedCard {
  const { mine } = view;
  const { period, toAnswer, others } = mine;
  const total = mine.actions.length;
  const shown = toAnswer.slice(0, TO_ANSWER_SHOWN);
  const more = toAnswer.length - shown.length;
  const dueHeading =
    total === 0
      ? view.empty
      : period === null
        ? 'No reporting period is open, so nothing needs an answer now.'
        : toAnswer.length === 0
          ? `Nothing to answer for ${period.id}: every action has its rating.`
          : `To answer for ${period.id} by ${formatDateWithDay(period.closes)}: ${toAnswer.length}`;
  return renderTemplate('mine', {
    title: `Your actions: ${total}`,
    subtitle: view.subtitle,
    dueHeading,
    due: shown.map((line) => ({
      programmeId: mine.programme.id,
      ref: line.ref,
      title: shorten(line.title, 120),
      swatch: ratingSwatch(line.rating),
      facts: factsOf(line),
    })),
    dueMore: more > 0 ? `And ${more} more: type /update and a reference.` : '',
    othersHeading: `Answered or done: ${others.length}`,
    others: others.slice(0, OTHERS_SHOWN).map((line) => ({
      ref: line.ref,
      rating: line.rating,
      facts: [line.ratedIn ? `rated ${line.ratedIn}` : '', dueText(line.due)]
        .filter((t) => t !== '')
        .join(' · '),
    })),
    othersMore: others.length > OTHERS_SHOWN ? `And ${others.length - OTHERS_SHOWN} more.` : '',
    hint: 'Type /status and a reference (/status A2) for its steps and notes, or /update and a reference to change a rating.',
  });
}
