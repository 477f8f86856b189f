import { effectiveDue, type Action } from './action.js';
import { formatDate } from './dates.js';
import { dueDay, type IsoDate } from './local-date.js';
import { compareRatings, type Rating } from './rating.js';
import type { StatusUpdate } from './status-update.js';

/**
 * Facts derived from an action and its history, the words boards read in a highlight
 * report: overdue, stale, moved, false green, rolled over. `today` is a local date in the
 * programme's time zone; a due date is met when today is that day, passed from the next.
 */

/** What the facts need of an action; `current` is its rating as of the moment asked about. */
export type ActionSnapshot = Pick<Action, 'due' | 'revisedDue' | 'agreedDue' | 'steps'> & {
  readonly current: { readonly rating: Rating; readonly periodId?: string } | null;
  /** Letters of the steps ticked done; a done step is never late. */
  readonly doneSteps?: ReadonlySet<string>;
};

/** The effective due date (revised, else original) has passed and the action is not Blue. */
export function isOverdue(
  action: Pick<ActionSnapshot, 'due' | 'revisedDue' | 'agreedDue' | 'current'>,
  today: IsoDate,
): boolean {
  const due = dueDay(effectiveDue(action));
  return due !== undefined && due < today && action.current?.rating !== 'Blue';
}

/** Nobody has rated the action in this period (its latest update is from another one). */
export function isStale(action: Pick<ActionSnapshot, 'current'>, periodId: string): boolean {
  return action.current?.periodId !== periodId;
}

export type Movement = 'improved' | 'worsened' | 'same';

/** By the order Red < Amber < Green < Blue. */
export function movement(previous: Rating, rating: Rating): Movement {
  const difference = compareRatings(previous, rating);
  if (difference > 0) return 'improved';
  if (difference < 0) return 'worsened';
  return 'same';
}

export type FalseGreenReason = 'due-date-passed' | 'most-steps-past-their-dates';

export interface FalseGreen {
  readonly reason: FalseGreenReason;
  /** Plain words for the digest: what makes the Green doubtful. */
  readonly message: string;
}

/**
 * A Green that may not be true: the effective due date has passed, or more than half of
 * the steps that have dates are past their (revised) dates and not ticked done. Null when
 * the Green stands or the action is not Green.
 */
export function falseGreen(action: ActionSnapshot, today: IsoDate): FalseGreen | null {
  if (action.current?.rating !== 'Green') return null;
  const due = dueDay(effectiveDue(action));
  if (due !== undefined && due < today) {
    return {
      reason: 'due-date-passed',
      message: `Rated Green but its due date (${formatDate(due)}) has passed.`,
    };
  }
  const done = action.doneSteps ?? new Set<string>();
  const dated = action.steps.flatMap((step) => {
    const date = dueDay(effectiveDue(step));
    return date === undefined ? [] : [{ date, done: done.has(step.letter) }];
  });
  const late = dated.filter((step) => step.date < today && !step.done).length;
  if (late * 2 > dated.length) {
    return {
      reason: 'most-steps-past-their-dates',
      message: `Rated Green but ${late} of its ${dated.length} dated steps are past their dates and not done.`,
    };
  }
  return null;
}

/**
 * "No change since last period": the same rating as the previous update and no new note
 * (blank, or word for word the previous one). Also true when the update says so itself.
 */
export function rolledOver(
  update: Pick<StatusUpdate, 'rating' | 'note' | 'rolledOver'>,
  previousUpdate: Pick<StatusUpdate, 'rating' | 'note'> | null,
): boolean {
  if (update.rolledOver) return true;
  if (previousUpdate === null || previousUpdate.rating !== update.rating) return false;
  const note = update.note.trim();
  return note === '' || note === previousUpdate.note.trim();
}
