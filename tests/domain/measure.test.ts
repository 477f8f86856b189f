import { describe, expect, it } from 'vitest';
import {
  formatMeasureValue,
  parseBetter,
  parseUnit,
  type Measure,
} from '../../src/domain/measure.js';
import { measureProgress } from '../../src/domain/measure-progress.js';
import {
  checkMeasureValue,
  valuesByPeriod,
  type MeasureValue,
} from '../../src/domain/measure-value.js';
import type { ReportingPeriod } from '../../src/domain/programme.js';

const periods: ReportingPeriod[] = [
  { id: 'Oct 2020', closes: '2020-10-23', boardMeeting: null },
  { id: 'Jan 2021', closes: '2021-01-15', boardMeeting: null },
  { id: 'Apr 2021', closes: '2021-04-23', boardMeeting: null },
];

const measure = (overrides: Partial<Measure> = {}): Measure => ({
  programmeId: 'wsoa',
  code: 'EHC20',
  name: 'New EHC plans finalised within 20 weeks',
  unit: '%',
  better: 'higher',
  baseline: { value: 60, date: '2020-10-23' },
  target: { value: 80, date: '2021-04-23' },
  interimTargets: [],
  comparators: [],
  refs: ['A1'],
  workstreams: [],
  reportedBy: 'ADES',
  frequency: 'each period',
  source: '',
  ...overrides,
});

let clock = 0;
const value = (
  periodId: string,
  figure: number,
  overrides: Partial<MeasureValue> = {},
): MeasureValue => {
  clock += 1;
  return {
    id: `v${clock}`,
    programmeId: 'wsoa',
    code: 'EHC20',
    periodId,
    value: figure,
    note: '',
    by: 'ades@council.example',
    at: new Date(Date.UTC(2021, 0, 1, 0, clock)).toISOString(),
    source: 'command',
    ...overrides,
  };
};

describe('measure values', () => {
  it('takes a percentage between 0 and 100, with or without the sign', () => {
    expect(checkMeasureValue(measure(), '75.9')).toEqual({ ok: true, value: 75.9 });
    expect(checkMeasureValue(measure(), ' 75.9 % ')).toEqual({ ok: true, value: 75.9 });
    expect(checkMeasureValue(measure(), '0')).toEqual({ ok: true, value: 0 });
    expect(checkMeasureValue(measure(), '100')).toEqual({ ok: true, value: 100 });
  });

  it('refuses a percentage over 100 or below 0, saying what to write', () => {
    const over = checkMeasureValue(measure(), '120');
    expect(over).toEqual({
      ok: false,
      code: 'INVALID_MEASURE_VALUE',
      message: '120 is not a percentage between 0 and 100. Write, say, 75.9.',
    });
    expect(checkMeasureValue(measure(), '-3').ok).toBe(false);
  });

  it('refuses words where a number is expected, and a unit that does not fit', () => {
    const words = checkMeasureValue(measure({ unit: 'number' }), 'about twenty');
    expect(words).toMatchObject({ ok: false });
    expect(!words.ok && words.message).toBe(
      '"about twenty" is not a number. Write a figure such as 24.',
    );
    expect(checkMeasureValue(measure({ unit: 'number' }), '24%').ok).toBe(false);
    expect(checkMeasureValue(measure({ unit: '%' }), '£24').ok).toBe(false);
    expect(checkMeasureValue(measure({ unit: 'number' }), '').ok).toBe(false);
    expect(checkMeasureValue(measure({ unit: 'number' }), '-1').ok).toBe(false);
  });

  it('reads pounds with separators and days with the word', () => {
    expect(checkMeasureValue(measure({ unit: '£' }), '£1,250.50')).toEqual({
      ok: true,
      value: 1250.5,
    });
    expect(checkMeasureValue(measure({ unit: 'days' }), '12 days')).toEqual({
      ok: true,
      value: 12,
    });
    expect(checkMeasureValue(measure({ unit: 'number' }), '1,024')).toEqual({
      ok: true,
      value: 1024,
    });
  });

  it('keeps a correction as history and counts the newest in each period', () => {
    const first = value('Jan 2021', 70);
    const correction = value('Jan 2021', 75.9);
    const current = valuesByPeriod([correction, first]);
    expect(current.get('JAN 2021')?.value).toBe(75.9);
    expect(valuesByPeriod([first, correction]).get('JAN 2021')?.value).toBe(75.9);
  });

  it('writes values with their unit', () => {
    expect(formatMeasureValue('%', 75.9)).toBe('75.9%');
    expect(formatMeasureValue('£', 1250)).toBe('£1,250');
    expect(formatMeasureValue('days', 1)).toBe('1 day');
    expect(formatMeasureValue('days', 12)).toBe('12 days');
    expect(formatMeasureValue('number', 1024)).toBe('1,024');
  });

  it('reads units and directions as plans write them', () => {
    expect(parseUnit('Percent')).toBe('%');
    expect(parseUnit('GBP')).toBe('£');
    expect(parseUnit('kg')).toBeUndefined();
    expect(parseBetter('Lower')).toBe('lower');
    expect(parseBetter('sideways')).toBeUndefined();
  });
});

describe('measure progress', () => {
  it('is on track when the latest value is on or above the line from baseline to target', () => {
    // Halfway in time (Jan 2021 is 84 of 182 days), the line stands at about 69.2%.
    const progress = measureProgress(measure(), periods, [
      value('Oct 2020', 62),
      value('Jan 2021', 70),
    ]);
    expect(progress.track).toBe('on track');
    expect(progress.expected).toBeCloseTo(60 + 20 * (84 / 182), 5);
    expect(progress.direction).toBe('improving');
    expect(progress.series.map((p) => p.value)).toEqual([62, 70]);
  });

  it('is off track below the line even while improving', () => {
    const progress = measureProgress(measure(), periods, [
      value('Oct 2020', 60),
      value('Jan 2021', 65),
    ]);
    expect(progress.track).toBe('off track');
    expect(progress.direction).toBe('improving');
  });

  it('judges a lower-is-better measure the other way round', () => {
    const neet = measure({
      unit: '%',
      better: 'lower',
      baseline: { value: 8, date: '2020-10-23' },
      target: { value: 4, date: '2021-04-23' },
    });
    const rising = measureProgress(neet, periods, [value('Oct 2020', 3), value('Jan 2021', 3.5)]);
    expect(rising.direction).toBe('worsening');
    expect(rising.track).toBe('on track');
    const high = measureProgress(neet, periods, [value('Jan 2021', 7.9)]);
    expect(high.track).toBe('off track');
    expect(high.direction).toBe('first value');
  });

  it('bends the line through an interim target', () => {
    const stepped = measure({ interimTargets: [{ value: 78, date: '2021-01-15' }] });
    expect(measureProgress(stepped, periods, [value('Jan 2021', 75)]).track).toBe('off track');
    expect(measureProgress(measure(), periods, [value('Jan 2021', 75)]).track).toBe('on track');
  });

  it('says there is no target rather than guessing, and uses the first value when no baseline', () => {
    const untargeted = measureProgress(measure({ target: null }), periods, [value('Jan 2021', 75)]);
    expect(untargeted.track).toBe('no target');
    const noBaseline = measure({ baseline: null });
    const progress = measureProgress(noBaseline, periods, [
      value('Oct 2020', 50),
      value('Apr 2021', 79),
    ]);
    expect(progress.track).toBe('off track');
    expect(progress.expected).toBe(80);
    expect(measureProgress(measure(), periods, []).track).toBe('no value');
  });

  it('reports a value unchanged when it has not moved', () => {
    const progress = measureProgress(measure(), periods, [
      value('Oct 2020', 70),
      value('Jan 2021', 70),
    ]);
    expect(progress.direction).toBe('unchanged');
  });
});
