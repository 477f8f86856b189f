import type { Action } from '../../domain/action.js';
import type { Programme, Workstream } from '../../domain/programme.js';
import { NOT_RATED, zeroCounts } from '../../domain/rating.js';
import type { RatingCounts, RatingOrNotRated } from '../../domain/rating.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import { ratingInPeriod } from '../../domain/update-history.js';

/** One bar of the chart: a workstream, or a period of the trend. */
export interface ChartBar {
  readonly label: string;
  readonly counts: RatingCounts;
}

/** What the digest's chart shows, as counts: src/render draws it. */
export interface DigestChartData {
  /** Ratings per workstream in the digest's period, one horizontal stacked bar each. */
  readonly workstreams: readonly ChartBar[];
  /** Ratings across periods, oldest first, one stacked column each. */
  readonly trend: readonly ChartBar[];
}

/** What the chart counts: one scope (the programme or one workstream) up to one period. */
export interface ChartInput {
  readonly programme: Pick<Programme, 'periods'>;
  readonly workstreams: readonly Workstream[];
  readonly actions: readonly Action[];
  readonly updates: readonly StatusUpdate[];
  readonly periodId: string;
}

type Tally = Record<RatingOrNotRated, number>;

/**
 * Ratings per workstream in the period, and the trend across every period up to it, in
 * one pass over the history: a digest of thousands of actions cannot afford a digest per
 * period. The counting rule is the domain's `ratingInPeriod`, the digest's too; a test holds
 * the two together.
 */
export function chartDataOf(input: ChartInput): DigestChartData {
  const { periods } = input.programme;
  const index = periods.findIndex((p) => p.id === input.periodId);
  const ratings = ratingsByPeriod(input, index);
  const trend = periods.slice(0, index + 1).map(() => zeroCounts());
  const byWorkstream = new Map<string, Tally>();
  for (const action of input.actions) {
    const own = ratings.get(action.ref) ?? [];
    let earlier: StatusUpdate | undefined;
    let rating: RatingOrNotRated = NOT_RATED;
    for (let i = 0; i <= index; i += 1) {
      const update = own[i];
      rating = ratingInPeriod(update, earlier);
      if (update) earlier = update;
      const tally = trend[i];
      if (tally) tally[rating] += 1;
    }
    let tally = byWorkstream.get(action.workstream);
    if (!tally) {
      tally = zeroCounts();
      byWorkstream.set(action.workstream, tally);
    }
    tally[rating] += 1;
  }
  const workstreams = input.workstreams.flatMap((w): ChartBar[] => {
    const counts: RatingCounts | undefined = byWorkstream.get(w.code);
    return counts ? [{ label: `${w.code} ${w.name}`, counts }] : [];
  });
  return {
    workstreams,
    trend: trend.map((counts, i) => ({ label: periods[i]?.id ?? '', counts })),
  };
}

/**
 * The chart of one scope (the programme, or one workstream) of a loaded programme. The
 * digest card and the chart's own address both count it here, so they show the same picture.
 */
export function chartDataFor(
  snapshot: Omit<ChartInput, 'periodId'>,
  periodId: string,
  scope: Workstream | null,
): DigestChartData {
  return chartDataOf({
    ...snapshot,
    periodId,
    ...(scope && {
      workstreams: [scope],
      actions: snapshot.actions.filter((a) => a.workstream === scope.code),
    }),
  });
}

/** For each action, the newest update of each period up to `index` (by period position). */
function ratingsByPeriod(
  input: ChartInput,
  index: number,
): Map<string, (StatusUpdate | undefined)[]> {
  const positions = new Map(input.programme.periods.map((p, i) => [p.id, i]));
  const byRef = new Map<string, (StatusUpdate | undefined)[]>();
  for (const update of input.updates) {
    const at = positions.get(update.periodId);
    if (at === undefined || at > index) continue;
    let own = byRef.get(update.ref);
    if (!own) {
      own = [];
      byRef.set(update.ref, own);
    }
    const known = own[at];
    if (!known || update.at >= known.at) own[at] = update;
  }
  return byRef;
}
