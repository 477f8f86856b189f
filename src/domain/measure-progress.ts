import { daysBetween } from './dates.js';
import type { IsoDate } from './local-date.js';
import type { DatedValue, Measure } from './measure.js';
import { valuesByPeriod, type MeasureValue } from './measure-value.js';
import type { ReportingPeriod } from './programme.js';

/** A measure's value in one period, dated by the period's closing day. */
export interface MeasurePoint {
  readonly periodId: string;
  readonly date: IsoDate;
  readonly value: number;
  readonly note: string;
}

/** Since the value before: judged by which way is better, not by up or down. */
export type Direction = 'improving' | 'worsening' | 'unchanged' | 'first value' | 'no value';

/** Against the line from baseline to target; "no target" when there is no line to judge by. */
export type Track = 'on track' | 'off track' | 'no target' | 'no value';

export interface MeasureProgress {
  /** One point per period with a value, in period order. */
  readonly series: readonly MeasurePoint[];
  readonly latest: MeasurePoint | null;
  readonly previous: MeasurePoint | null;
  readonly direction: Direction;
  readonly track: Track;
  /** Where the line says the measure should be on the latest value's date. */
  readonly expected: number | null;
}

/** Differences smaller than this are rounding, not movement (values carry two decimals). */
const EPSILON = 1e-9;

/**
 * Where a measure stands: its values by period (corrections applied), the direction of
 * travel since the value before, and whether the latest is on the line to its target.
 */
export function measureProgress(
  measure: Measure,
  periods: readonly ReportingPeriod[],
  history: readonly MeasureValue[],
): MeasureProgress {
  const byPeriod = valuesByPeriod(history.filter((v) => sameCode(v.code, measure.code)));
  const series: MeasurePoint[] = [];
  for (const period of periods) {
    const value = byPeriod.get(period.id.toUpperCase());
    if (value) {
      series.push({
        periodId: period.id,
        date: period.closes,
        value: value.value,
        note: value.note,
      });
    }
  }
  const latest = series.at(-1) ?? null;
  const previous = series.at(-2) ?? null;
  const line = targetLine(measure, series[0] ?? null);
  const expected = latest && line ? expectedOn(line, latest.date) : null;
  return {
    series,
    latest,
    previous,
    direction: directionOf(measure, latest, previous),
    track:
      latest === null
        ? 'no value'
        : expected === null
          ? 'no target'
          : judge(measure, latest.value, expected),
    expected,
  };
}

/**
 * The line a measure should follow: from its baseline (or, with none, its first value),
 * through its interim targets, to its target. Null without a target.
 */
export function targetLine(measure: Measure, first: MeasurePoint | null): DatedValue[] | null {
  if (!measure.target) return null;
  const start = measure.baseline ?? (first ? { value: first.value, date: first.date } : null);
  const stops = [...measure.interimTargets, measure.target].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  return start && start.date < (stops[0]?.date ?? '') ? [start, ...stops] : stops;
}

/** The line's value on a date: held flat before its start and after its end. */
export function expectedOn(line: readonly DatedValue[], date: IsoDate): number | null {
  const first = line[0];
  if (!first) return null;
  if (date <= first.date) return first.value;
  for (let i = 1; i < line.length; i += 1) {
    const from = line[i - 1]!;
    const to = line[i]!;
    if (date <= to.date) {
      const span = daysBetween(from.date, to.date);
      const share = span === 0 ? 1 : daysBetween(from.date, date) / span;
      return from.value + (to.value - from.value) * share;
    }
  }
  return line.at(-1)!.value;
}

function judge(measure: Measure, value: number, expected: number): Track {
  const gap = measure.better === 'higher' ? value - expected : expected - value;
  return gap >= -EPSILON ? 'on track' : 'off track';
}

function directionOf(
  measure: Measure,
  latest: MeasurePoint | null,
  previous: MeasurePoint | null,
): Direction {
  if (!latest) return 'no value';
  if (!previous) return 'first value';
  const change = latest.value - previous.value;
  if (Math.abs(change) <= EPSILON) return 'unchanged';
  return change > 0 === (measure.better === 'higher') ? 'improving' : 'worsening';
}

function sameCode(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
