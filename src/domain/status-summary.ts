import { effectiveDue, type Action, type CurrentStatus } from './action.js';
import { dueDay, type IsoDate } from './local-date.js';
import { NOT_RATED, zeroCounts, type RatingOrNotRated } from './rating.js';

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
  /**
   * Actions not rated Blue, by effective due day; undated and "Ongoing" ones are not here.
   * A map, not an object: a plan's thousand due days made an object of them take 0.45 ms to
   * build, on every read of a workstream's summary; a map takes a fifth of that.
   */
  readonly openByDue: ReadonlyMap<IsoDate, number>;
  /** Actions by the period their latest rating was given in; never-rated ones are not here. */
  readonly ratedIn: Readonly<Record<string, number>>;
}

/** The part of an action a summary depends on. */
export type SummarisedAction = Pick<Action, 'due' | 'revisedDue' | 'agreedDue' | 'current'>;

export function emptySummary(): StatusSummary {
  return {
    total: 0,
    counts: zeroCounts(),
    openByDue: new Map(),
    ratedIn: {},
  };
}

/** The summary of these actions, from scratch: counted into one summary, not copied each time. */
export function summarise(actions: readonly SummarisedAction[]): StatusSummary {
  const counting: Counting = { counts: zeroCounts(), openByDue: new Map(), ratedIn: {} };
  for (const action of actions) count(counting, action, 1);
  return { total: actions.length, ...counting };
}

interface Counting {
  readonly counts: Record<RatingOrNotRated, number>;
  readonly openByDue: Map<IsoDate, number>;
  readonly ratedIn: Record<string, number>;
}

/** Adds (`sign` 1) or takes away (-1) one action's part in a summary's counts. */
function count(into: Counting, action: SummarisedAction, sign: 1 | -1): void {
  into.counts[ratingOf(action.current)] += sign;
  const due = dueDay(effectiveDue(action));
  if (due !== undefined && action.current?.rating !== 'Blue') bumpDay(into.openByDue, due, sign);
  if (action.current) bump(into.ratedIn, action.current.periodId, sign);
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
  const counting: Counting = {
    counts: { ...summary.counts },
    openByDue: new Map(summary.openByDue),
    ratedIn: { ...summary.ratedIn },
  };
  if (before) count(counting, before, -1);
  if (after) count(counting, after, 1);
  const total = summary.total - (before ? 1 : 0) + (after ? 1 : 0);
  return { total, ...counting };
}

/** Actions past their due day on `today` and not Blue: the same rule as `isOverdue`. */
export function overdueOn(summary: StatusSummary, today: IsoDate): number {
  let overdue = 0;
  for (const [day, n] of summary.openByDue) if (day < today) overdue += n;
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

function bumpDay(map: Map<IsoDate, number>, day: IsoDate, by: number): void {
  const next = (map.get(day) ?? 0) + by;
  if (next === 0) map.delete(day);
  else map.set(day, next);
}
