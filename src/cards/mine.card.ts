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
  /**
   * How many lines to show at most, to answer first then the rest, when the whole card would
   * not fit one Teams message; `more` then says how many more and where to see them.
   */
  readonly shown?: number;
  readonly more?: { readonly where: string; readonly url: string | null };
}

/** How many lines the card shows when nothing cuts it: what fits a phone. */
export function mineLines(mine: MyActions): number {
  return (
    Math.min(mine.toAnswer.length, TO_ANSWER_SHOWN) + Math.min(mine.others.length, OTHERS_SHOWN)
  );
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
  const cap = view.shown ?? Infinity;
  const shown = toAnswer.slice(0, Math.min(TO_ANSWER_SHOWN, cap));
  const othersShown = Math.max(0, Math.min(OTHERS_SHOWN, cap - shown.length));
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
    dueMore:
      more > 0 && view.more === undefined ? `And ${more} more: type /update and a reference.` : '',
    othersHeading: `Answered or done: ${others.length}`,
    others: others.slice(0, othersShown).map((line) => ({
      ref: line.ref,
      rating: line.rating,
      facts: [line.ratedIn ? `rated ${line.ratedIn}` : '', dueText(line.due)]
        .filter((t) => t !== '')
        .join(' · '),
    })),
    othersMore:
      others.length > othersShown && view.more === undefined
        ? `And ${others.length - othersShown} more.`
        : '',
    more:
      view.more === undefined
        ? ''
        : `And ${total - shown.length - othersShown} more not shown here, as the whole list is too long for one Teams message: ${view.more.where}.`,
    moreUrl: view.more?.url ?? '',
    hint: 'Type /status and a reference (/status A2) for its steps and notes, or /update and a reference to change a rating.',
  });
}
