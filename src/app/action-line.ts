import { effectiveDue, type Action } from '../domain/action.js';
import { isOverdue } from '../domain/action-facts.js';
import type { DueDate, IsoDate } from '../domain/local-date.js';
import { NOT_RATED, type RatingOrNotRated } from '../domain/rating.js';

/** One action as a list shows it (status, /mine, /overdue): its latest rating and whether it is late. */
export interface ActionLine {
  readonly ref: string;
  readonly title: string;
  readonly ownerRole: string;
  readonly rating: RatingOrNotRated;
  /** The period the rating was given in; null when never rated. */
  readonly ratedIn: string | null;
  readonly due: DueDate | null;
  readonly overdue: boolean;
}

export function actionLineOf(action: Action, today: IsoDate): ActionLine {
  return {
    ref: action.ref,
    title: action.title,
    ownerRole: action.ownerRole,
    rating: action.current?.rating ?? NOT_RATED,
    ratedIn: action.current?.periodId ?? null,
    due: effectiveDue(action),
    overdue: isOverdue(action, today),
  };
}

/** Lower is more pressing: Red, then overdue, then Amber, then not yet rated, then the rest. */
function pressure(line: ActionLine): number {
  if (line.rating === 'Red') return 0;
  if (line.overdue) return 1;
  if (line.rating === 'Amber') return 2;
  if (line.rating === NOT_RATED) return 3;
  return 4;
}

/**
 * The lines a board looks at first on top: Red, overdue, Amber, not yet rated, then the rest;
 * within each, in the list's own order.
 */
export function mostPressingFirst(lines: readonly ActionLine[]): ActionLine[] {
  return lines
    .map((line, index) => ({ line, index, pressure: pressure(line) }))
    .sort((a, b) => a.pressure - b.pressure || a.index - b.index)
    .map(({ line }) => line);
}
