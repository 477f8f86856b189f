import { formatDate } from './dates.js';
import { formatMeasureValue, type Measure } from './measure.js';
import type { MeasureProgress, Track } from './measure-progress.js';

export const TRACK_WORDS: Readonly<Record<Track, string>> = {
  'on track': 'On track',
  'off track': 'Off track',
  'no target': 'No target',
  'no value': 'No value yet',
};

/** "Improving since Oct 2020 (70%)": the direction of travel in words. */
export function directionWords(progress: MeasureProgress, unit: Measure['unit']): string {
  const previous = progress.previous;
  switch (progress.direction) {
    case 'no value':
      return 'No value yet';
    case 'first value':
      return 'First value';
    case 'unchanged':
      return `Unchanged since ${previous?.periodId ?? ''}`;
    case 'improving':
    case 'worsening': {
      const was = previous ? ` (${formatMeasureValue(unit, previous.value)})` : '';
      const word = progress.direction === 'improving' ? 'Improving' : 'Worse';
      return `${word} since ${previous?.periodId ?? ''}${was}`;
    }
  }
}

/** "Target 85% by 31 Dec 2021", "Baseline 24 (17 Jan 2019)" or null. */
export function targetWords(measure: Measure): string | null {
  if (!measure.target) return null;
  const { value, date } = measure.target;
  return `Target ${formatMeasureValue(measure.unit, value)} by ${formatDate(date)}`;
}

export function baselineWords(measure: Measure): string | null {
  if (!measure.baseline) return null;
  const { value, date } = measure.baseline;
  return `Baseline ${formatMeasureValue(measure.unit, value)} (${formatDate(date)})`;
}

export function comparatorWords(measure: Measure): string | null {
  if (measure.comparators.length === 0) return null;
  return measure.comparators
    .map((c) => {
      const when = c.asAt === null ? '' : ` (${c.asAt})`;
      return `${c.name} ${formatMeasureValue(measure.unit, c.value)}${when}`;
    })
    .join('; ');
}

/**
 * The chart's figures in a sentence, for its text alternative and screen readers: every value
 * by period, the target, the comparators, the direction and whether it is on track.
 */
export function measureChartText(measure: Measure, progress: MeasureProgress): string {
  const unit = (value: number) => formatMeasureValue(measure.unit, value);
  const values =
    progress.series.length === 0
      ? 'no values yet'
      : progress.series.map((p) => `${p.periodId} ${unit(p.value)}`).join(', ');
  const parts = [
    `${measure.code} (${measure.name}): ${values}.`,
    `${measure.better === 'higher' ? 'Higher' : 'Lower'} is better.`,
  ];
  for (const words of [baselineWords(measure), targetWords(measure)]) {
    if (words) parts.push(`${words}.`);
  }
  const comparators = comparatorWords(measure);
  if (comparators) parts.push(`Comparators: ${comparators}.`);
  if (progress.latest) {
    parts.push(`${directionWords(progress, measure.unit)}. ${TRACK_WORDS[progress.track]}.`);
  }
  return parts.join(' ');
}
