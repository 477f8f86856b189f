import type { Programme } from './programme.js';
import { NOT_RATED, type RatingOrNotRated } from './rating.js';
import type { StatusUpdate } from './status-update.js';

/**
 * Reading the append-only update history: periods come in the programme's closing order,
 * and within a period the newest update (by `at`) is the one that counts.
 */

/** Position of a period in the programme's calendar, or -1 when there is no such period. */
export function periodIndex(programme: Pick<Programme, 'periods'>, periodId: string): number {
  return programme.periods.findIndex((p) => p.id === periodId);
}

/**
 * The latest update of each action (by ref) among the periods from `fromIndex` to `toIndex`
 * inclusive. Updates for periods the calendar does not know are left out.
 */
export function latestUpdates(
  programme: Pick<Programme, 'periods'>,
  updates: readonly StatusUpdate[],
  fromIndex: number,
  toIndex: number,
): Map<string, StatusUpdate> {
  const positions = new Map(programme.periods.map((p, i) => [p.id, i]));
  const latest = new Map<string, { readonly update: StatusUpdate; readonly index: number }>();
  for (const update of updates) {
    const index = positions.get(update.periodId);
    if (index === undefined || index < fromIndex || index > toIndex) continue;
    const known = latest.get(update.ref);
    const newer =
      !known || index > known.index || (index === known.index && update.at >= known.update.at);
    if (newer) latest.set(update.ref, { update, index });
  }
  return new Map([...latest].map(([ref, { update }]) => [ref, update]));
}

/**
 * What an action counts as in a period, for the digest's counts and its chart alike: its
 * newest update in that period; else Blue when its latest earlier rating was Blue (done
 * stays done); else Not yet rated. An Amber from two periods ago is not this period's.
 */
export function ratingInPeriod(
  update: Pick<StatusUpdate, 'rating'> | undefined,
  earlier: Pick<StatusUpdate, 'rating'> | null | undefined,
): RatingOrNotRated {
  return update?.rating ?? (earlier?.rating === 'Blue' ? 'Blue' : NOT_RATED);
}
