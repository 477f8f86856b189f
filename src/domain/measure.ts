import type { IsoDate } from './local-date.js';

/**
 * Outcome measures: the figures a board reads beside the ratings ("EHC plans finalised within
 * 20 weeks: 75.9%"). A measure belongs to actions or workstreams, is reported by a role, and
 * is judged against the line from its baseline to its target.
 */
export const MEASURE_UNITS = ['%', 'number', 'days', '£'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** Which way is better: more plans on time is higher; more young people NEET is lower. */
export type Better = 'higher' | 'lower';

export const MEASURE_FREQUENCIES = ['each period', 'monthly', 'termly'] as const;
export type MeasureFrequency = (typeof MEASURE_FREQUENCIES)[number];

/** A value that held, or is aimed for, on a date: a baseline, a target, an interim target. */
export interface DatedValue {
  readonly value: number;
  readonly date: IsoDate;
}

/** A figure to compare with, such as England's or the region's, with when it was true. */
export interface Comparator {
  readonly name: string;
  readonly value: number;
  /** As the plan wrote it ("Sept 2020", "2020"); null when it gave none. */
  readonly asAt: string | null;
  /** The day `asAt` ends on, for ordering and charts; null when it gave none. */
  readonly date: IsoDate | null;
}

export interface Measure {
  readonly programmeId: string;
  /** Short and unique in the programme ("EHC20"); what `/measure EHC20 76` names. */
  readonly code: string;
  readonly name: string;
  readonly unit: MeasureUnit;
  readonly better: Better;
  readonly baseline: DatedValue | null;
  readonly target: DatedValue | null;
  /** Steps on the way to the target, in date order; each bends the line to the target. */
  readonly interimTargets: readonly DatedValue[];
  readonly comparators: readonly Comparator[];
  /** Action references this measure shows the effect of. */
  readonly refs: readonly string[];
  /** Workstream codes this measure belongs to as a whole. */
  readonly workstreams: readonly string[];
  /** The role asked for each value. */
  readonly reportedBy: string;
  readonly frequency: MeasureFrequency;
  /** Where the figure comes from ("SEN2 return"). */
  readonly source: string;
}

/** Reads a unit as plans write it: "%", "percent", "number", "count", "days", "£", "GBP". */
export function parseUnit(text: string): MeasureUnit | undefined {
  const word = text.trim().toLowerCase();
  if (['%', 'percent', 'percentage', 'per cent', 'pct'].includes(word)) return '%';
  if (['number', 'count', 'no', 'no.', 'n', 'numeric', '#'].includes(word)) return 'number';
  if (['days', 'day', 'working days'].includes(word)) return 'days';
  if (['£', 'gbp', 'pounds', 'money', 'cost'].includes(word)) return '£';
  return undefined;
}

export function parseBetter(text: string): Better | undefined {
  const word = text.trim().toLowerCase();
  if (['higher', 'high', 'up', 'increase', 'more', 'higher is better'].includes(word)) {
    return 'higher';
  }
  if (['lower', 'low', 'down', 'decrease', 'less', 'fewer', 'lower is better'].includes(word)) {
    return 'lower';
  }
  return undefined;
}

/** Blank means each period: a measure is asked for whenever ratings are. */
export function parseFrequency(text: string): MeasureFrequency | undefined {
  const word = text.trim().toLowerCase();
  if (['', 'each period', 'every period', 'period', 'quarterly', 'per period'].includes(word)) {
    return 'each period';
  }
  if (['monthly', 'month', 'each month', 'every month'].includes(word)) return 'monthly';
  if (['termly', 'term', 'each term', 'every term'].includes(word)) return 'termly';
  return undefined;
}

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "75.9%", "24", "12 days", "£1,250": how every card, sheet and sentence writes a value. */
export function formatMeasureValue(unit: MeasureUnit, value: number): string {
  const figure = GROUPED.format(value);
  switch (unit) {
    case '%':
      return `${figure}%`;
    case 'number':
      return figure;
    case 'days':
      return `${figure} ${value === 1 ? 'day' : 'days'}`;
    case '£':
      return value < 0 ? `-£${GROUPED.format(-value)}` : `£${figure}`;
  }
}

/** The unit in words, for a field's label: "a percentage", "a number of days". */
export const UNIT_WORDS: Readonly<Record<MeasureUnit, string>> = {
  '%': 'a percentage (0 to 100)',
  number: 'a number',
  days: 'a number of days',
  '£': 'an amount in pounds',
};
