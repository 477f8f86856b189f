import { effectiveDue, type Action, type CurrentStatus } from './action.js';
import { dueDay, type IsoDate } from './local-date.js';
import { NOT_RATED, type RatingOrNotRated } from './rating.js';

/**
 * What `/status` shows for a set of actions, in a form that can be kept up to date one
 * update at a time instead of recomputed from every action: counts by latest rating, the
 * actions not yet Blue by their (revised) due day, so "overdue" can be read for any day, and
 * the actions by the period of their latest rating, so "not reported" can be read for any
 * period.
 */
export interface StatusSummary {
  readonly total: number;
  readonly counts: Readonly<Record<RatingOrNotRated, number>>;
  /** Actions not rated Blue, by effective due day; undated and "Ongoing" ones are not here. */
  readonly openByDue: Readonly<Record<IsoDate, number>>;
  /** Actions by the period their latest rating was given in; never-rated ones are not here. */
  readonly ratedIn: Readonly<Record<string, number>>;
}

/** The part of an action a summary depends on. */
export type SummarisedAction = Pick<Action, 'due' | 'revisedDue' | 'agreedDue' | 'current'>;

export function emptySummary(): StatusSummary {
  return {
    total: 0,
    counts: { Blue: 0, Green: 0, Amber: 0, Red: 0, [NOT_RATED]: 0 },
    openByDue: {},
    ratedIn: {},
  };
}

/** The summary of these actions, from scratch. */
export function summarise(actions: readonly SummarisedAction[]): StatusSummary {
  return actions.reduce((summary, action) => changeSummary(summary, null, action), emptySummary());
}

/**
 * The summary after one action changed from `before` to `after` (null: not there). Adding
 * and removing are exact, so a summary kept this way equals one computed from scratch.
 */
export function changeSummary(
  summary: StatusSummary,
  before: SummarisedAction | null,
  after: SummarisedAction | null,
): StatusSummary {
  const counts = { ...summary.counts };
  const openByDue: Record<string, number> = { ...summary.openByDue };
  const ratedIn: Record<string, number> = { ...summary.ratedIn };
  const apply = (action: SummarisedAction | null, sign: 1 | -1): number => {
    if (action === null) return 0;
    counts[ratingOf(action.current)] += sign;
    const due = dueDay(effectiveDue(action));
    if (due !== undefined && action.current?.rating !== 'Blue') bump(openByDue, due, sign);
    if (action.current) bump(ratedIn, action.current.periodId, sign);
    return sign;
  };
  const total = summary.total + apply(before, -1) + apply(after, 1);
  return { total, counts, openByDue, ratedIn };
}

/** Actions past their due day on `today` and not Blue: the same rule as `isOverdue`. */
export function overdueOn(summary: StatusSummary, today: IsoDate): number {
  let overdue = 0;
  for (const [day, n] of Object.entries(summary.openByDue)) if (day < today) overdue += n;
  return overdue;
}

/** Actions whose latest rating is not from `periodId`: the same rule as `isStale`. */
export function notReportedIn(summary: StatusSummary, periodId: string): number {
  return summary.total - (summary.ratedIn[periodId] ?? 0);
}

function ratingOf(current: CurrentStatus | null): RatingOrNotRated {
  return current?.rating ?? NOT_RATED;
}

function bump(map: Record<string, number>, key: string, by: number): void {
  const next = (map[key] ?? 0) + by;
  if (next === 0) delete map[key];
  else map[key] = next;
}
