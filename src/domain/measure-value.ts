import type { Measure, MeasureUnit } from './measure.js';
import { UNIT_WORDS } from './measure.js';

export type MeasureValueSource = 'import' | 'prompt' | 'command' | 'card';

/**
 * One figure for one measure in one reporting period. History is append-only, as ratings
 * are: a correction is a newer value for the same period, and the newest is the one shown.
 */
export interface MeasureValue {
  /** Unique and stable: the same import row or card submission always has the same id. */
  readonly id: string;
  readonly programmeId: string;
  readonly code: string;
  readonly periodId: string;
  readonly value: number;
  readonly note: string;
  /** Email of who gave it, or "import". */
  readonly by: string;
  /** UTC ISO instant it was recorded. */
  readonly at: string;
  readonly source: MeasureValueSource;
}

export type MeasureValueCheck =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly code: 'INVALID_MEASURE_VALUE'; readonly message: string };

/** Thousands separators and a unit people type out of habit ("75.9%", "£1,200", "12 days"). */
const DECORATED = /^([-+]?)\s*(£?)\s*([-+]?)([\d,]*\.?\d+)\s*(%|days?)?$/i;

/**
 * Reads a value typed or imported for a measure and checks it fits the unit: a percentage is
 * 0 to 100, a count or a number of days is not negative. The message says what to write.
 */
export function checkMeasureValue(
  measure: Pick<Measure, 'code' | 'unit'>,
  text: string,
): MeasureValueCheck {
  const written = text.trim();
  const expected = UNIT_WORDS[measure.unit];
  if (written === '') {
    return refuse(`Give ${measure.code} a value: ${expected}.`);
  }
  const match = DECORATED.exec(written.replace(/\s+/g, ' '));
  const digits = match?.[4]?.replace(/,/g, '') ?? '';
  const sign = (match?.[1] ?? '') + (match?.[3] ?? '');
  const value = Number(`${sign.includes('-') ? '-' : ''}${digits}`);
  const pounds = match?.[2] === '£';
  const suffix = (match?.[5] ?? '').toLowerCase();
  const decorationFits = suffixFits(measure.unit, suffix) && (!pounds || measure.unit === '£');
  if (!match || digits === '' || !Number.isFinite(value) || !decorationFits) {
    return refuse(
      `"${written}" is not ${expected}. Write a figure such as ${example(measure.unit)}.`,
    );
  }
  if (measure.unit === '%' && (value < 0 || value > 100)) {
    return refuse(`${written} is not a percentage between 0 and 100. Write, say, 75.9.`);
  }
  if ((measure.unit === 'number' || measure.unit === 'days') && value < 0) {
    return refuse(`${written} is below zero; ${measure.code} counts, so it cannot be negative.`);
  }
  return { ok: true, value };
}

function suffixFits(unit: MeasureUnit, suffix: string): boolean {
  if (suffix === '') return true;
  return suffix === '%' ? unit === '%' : unit === 'days';
}

function example(unit: MeasureUnit): string {
  switch (unit) {
    case '%':
      return '75.9';
    case 'number':
      return '24';
    case 'days':
      return '12';
    case '£':
      return '1250';
  }
}

function refuse(message: string): MeasureValueCheck {
  return { ok: false, code: 'INVALID_MEASURE_VALUE', message };
}

/**
 * The value that counts in each period: the newest recorded there. Earlier ones stay in the
 * history as what was corrected.
 */
export function valuesByPeriod(history: readonly MeasureValue[]): Map<string, MeasureValue> {
  const current = new Map<string, MeasureValue>();
  for (const value of history) {
    const key = value.periodId.toUpperCase();
    const seen = current.get(key);
    if (!seen || isNewer(value, seen)) current.set(key, value);
  }
  return current;
}

/** Later `at` wins; the id breaks a tie so every store picks the same one. */
export function isNewer(a: MeasureValue, b: MeasureValue): boolean {
  return a.at === b.at ? a.id > b.id : a.at > b.at;
}
