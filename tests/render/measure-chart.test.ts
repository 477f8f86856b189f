import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/domain/measure.js';
import { measureProgress } from '../../src/domain/measure-progress.js';
import type { MeasureValue } from '../../src/domain/measure-value.js';
import { writeMeasureChartSvg } from '../../src/render/chart/measure-chart.js';
import { measureChartText } from '../../src/domain/measure-words.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const sample = loadSamplePlan();
const ehc = sample.measures.find((m) => m.code === 'EHC20') as Measure;
const targeted: Measure = {
  ...ehc,
  baseline: { value: 70, date: '2019-10-25' },
  target: { value: 85, date: '2021-12-31' },
};
const earlier = (periodId: string, value: number): MeasureValue => ({
  ...(sample.measureValues[0] as MeasureValue),
  id: `earlier-${periodId}`,
  periodId,
  value,
});
const values = [...sample.measureValues, earlier('Oct 2020', 72), earlier('Jul 2020', 68.5)];
const periods = sample.programme.periods.slice(0, 6);

describe('measure charts', () => {
  it('states every figure in the text alternative: values, baseline, target, comparators, direction and track', () => {
    const progress = measureProgress(targeted, periods, values);
    expect(measureChartText(targeted, progress)).toBe(
      'EHC20 (New EHC plans finalised within 20 weeks): Jul 2020 68.5%, Oct 2020 72%, Jan 2021 75.9%. ' +
        'Higher is better. Baseline 70% (25 Oct 2019). Target 85% by 31 Dec 2021. ' +
        'Comparators: England 60% (2020); statistical neighbours and East of England 65% (2020). ' +
        'Improving since Oct 2020 (72%). Off track.',
    );
  });

  it('names the target and each comparator in words beside their lines, and writes the values', () => {
    const progress = measureProgress(targeted, periods, values);
    const chart = writeMeasureChartSvg([{ measure: targeted, progress }]);
    const words = chart.layers?.labels.map((l) => l.content) ?? [];
    expect(words).toEqual(
      expect.arrayContaining(['Target 85%', 'England 60%', '68.5%', '75.9%', 'Jan 2021']),
    );
    expect(words.some((w) => w.startsWith('Off track'))).toBe(true);
    expect(chart.svg).toContain('stroke-dasharray="6 3"');
    expect(chart.width).toBe(360);
  });

  it('writes no value where a target or comparator line runs through its words', () => {
    // NEET1618 at 3% in Jan 2021, lower being better, its target 4% just above the point.
    const neet = sample.measures.find((m) => m.code === 'NEET1618') as Measure;
    const cases: Measure[] = [
      { ...neet, target: { value: 4, date: '2021-07-23' } },
      { ...neet, target: { value: 2.5, date: '2021-07-23' } },
      targeted,
    ];
    for (const measure of cases) {
      const chart = writeMeasureChartSvg([
        { measure, progress: measureProgress(measure, periods, values) },
      ]);
      // Reference lines are dashed; a value is written in bold blue, 12 px high.
      const lines = [...chart.svg.matchAll(/<line [^>]*y1="([\d.]+)"[^>]*stroke-dasharray/g)].map(
        ([, y1]) => Number(y1),
      );
      const written = (chart.layers?.labels ?? []).filter((l) => l.style.includes('#1d4ed8'));
      expect(lines.length).toBeGreaterThan(0);
      expect(written.length).toBeGreaterThan(0);
      for (const value of written) {
        const crossing = lines.filter((line) => line >= value.y - 10 && line <= value.y + 3);
        expect(crossing, `${measure.code} ${value.content} at ${value.y}`).toEqual([]);
      }
    }
  });

  it('says a measure with no values has none, rather than drawing an empty line', () => {
    const apprentices = sample.measures.find((m) => m.code === 'APPREN') as Measure;
    const progress = measureProgress(apprentices, periods, values);
    expect(measureChartText(apprentices, progress)).toBe(
      'APPREN (Apprentices with EHC plans): no values yet. Higher is better. Baseline 19 (17 Jan 2019).',
    );
    const chart = writeMeasureChartSvg([{ measure: apprentices, progress }]);
    expect(chart.layers?.labels.map((l) => l.content)).toContain('No values yet');
  });
});
