import type { Action } from './action.js';
import { formatMeasureValue, type Measure } from './measure.js';
import { measureProgress, type MeasureProgress } from './measure-progress.js';
import type { MeasureValue } from './measure-value.js';
import type { Programme } from './programme.js';
import type { StatusUpdate } from './status-update.js';
import { latestUpdates, periodIndex } from './update-history.js';

/** A measure with where it stands as at a period. */
export interface MeasureStanding {
  readonly measure: Measure;
  readonly progress: MeasureProgress;
}

/** A measure off its line while every action it belongs to says Green: a false green. */
export interface MeasureWarning {
  readonly kind: 'measure-off-track';
  readonly code: string;
  readonly refs: readonly string[];
  readonly message: string;
}

export interface MeasureDigest {
  readonly standings: readonly MeasureStanding[];
  readonly warnings: readonly MeasureWarning[];
}

export interface MeasureDigestInput {
  readonly programme: Pick<Programme, 'periods'>;
  readonly periodId: string;
  readonly measures: readonly Measure[];
  readonly values: readonly MeasureValue[];
  readonly actions: readonly Pick<Action, 'ref' | 'workstream'>[];
  readonly updates: readonly StatusUpdate[];
  /** A workstream code to narrow to, as `/digest EHC` does; null for the whole programme. */
  readonly workstream: string | null;
}

/** The actions a measure shows the effect of: those it names, and those of its workstreams. */
export function linkedRefs(
  measure: Pick<Measure, 'refs' | 'workstreams'>,
  actions: readonly Pick<Action, 'ref' | 'workstream'>[],
): string[] {
  const named = new Set(measure.refs.map((ref) => ref.toUpperCase()));
  const streams = new Set(measure.workstreams.map((code) => code.toUpperCase()));
  return actions
    .filter((a) => named.has(a.ref.toUpperCase()) || streams.has(a.workstream.toUpperCase()))
    .map((a) => a.ref);
}

/**
 * The measures `/status` shows for a workstream (those of the workstream or any of its
 * actions) or for one action (those naming it).
 */
export function measuresFor(
  measures: readonly Measure[],
  actions: readonly Pick<Action, 'ref' | 'workstream'>[],
  scope: { readonly workstream: string } | { readonly ref: string },
): Measure[] {
  if ('ref' in scope) {
    const ref = scope.ref.toUpperCase();
    return measures.filter((m) => m.refs.some((r) => r.toUpperCase() === ref));
  }
  const code = scope.workstream.toUpperCase();
  const inStream = actions.filter((a) => a.workstream.toUpperCase() === code);
  return measures.filter(
    (m) =>
      m.workstreams.some((w) => w.toUpperCase() === code) || linkedRefs(m, inStream).length > 0,
  );
}

/**
 * Every measure as at the period (values after it are not yet known to its board), and a
 * warning for each one off track while all its actions were rated Green in that period.
 */
export function buildMeasureDigest(input: MeasureDigestInput): MeasureDigest {
  const index = periodIndex(input.programme, input.periodId);
  if (index < 0) return { standings: [], warnings: [] };
  const periods = input.programme.periods.slice(0, index + 1);
  const measures =
    input.workstream === null
      ? input.measures
      : measuresFor(input.measures, input.actions, { workstream: input.workstream });
  const ratings = latestUpdates(input.programme, input.updates, 0, index);
  // Indexed once: a large programme has thousands of actions and values, read per measure.
  const valuesOf = groupBy(input.values, (value) => value.code.toUpperCase());
  const refsOf = groupBy(input.actions, (action) => action.workstream.toUpperCase());
  const known = new Map(input.actions.map((action) => [action.ref.toUpperCase(), action.ref]));
  const standings: MeasureStanding[] = [];
  const warnings: MeasureWarning[] = [];
  for (const measure of measures) {
    const values = valuesOf.get(measure.code.toUpperCase()) ?? [];
    const progress = measureProgress(measure, periods, values);
    standings.push({ measure, progress });
    if (progress.track !== 'off track' || !progress.latest || progress.expected === null) continue;
    const refs = [
      ...new Set([
        ...measure.refs.flatMap((ref) => known.get(ref.toUpperCase()) ?? []),
        ...measure.workstreams.flatMap((code) =>
          (refsOf.get(code.toUpperCase()) ?? []).map((action) => action.ref),
        ),
      ]),
    ];
    const allGreen = refs.length > 0 && refs.every((ref) => ratings.get(ref)?.rating === 'Green');
    if (!allGreen) continue;
    const unit = measure.unit;
    warnings.push({
      kind: 'measure-off-track',
      code: measure.code,
      refs,
      message:
        `${measure.code} is off track (${formatMeasureValue(unit, progress.latest.value)} ` +
        `against ${formatMeasureValue(unit, round(progress.expected))} on the line to its ` +
        `target) while ${refs.join(', ')} ${refs.length === 1 ? 'is' : 'are all'} Green.`,
    });
  }
  return { standings, warnings };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The line's value to one decimal place, as a board would read it. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
