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

  it('names a long comparator in full over several lines, its figure level with its line', () => {
    const chart = writeMeasureChartSvg([
      { measure: ehc, progress: measureProgress(ehc, periods, values) },
    ]);
    const beside = (chart.layers?.labels ?? []).filter((l) => l.x > 264);
    expect(beside.map((l) => l.content)).toEqual([
      'statistical',
      'neighbours',
      'and East of',
      'England 65%',
      'England 60%',
    ]);
    // Each ends inside the chart (12 px text is about 7.2 px a character) and none overlaps.
    for (const l of beside) expect(l.x + l.content.length * 7.2).toBeLessThanOrEqual(chart.width);
    const baselines = beside.map((l) => l.y);
    baselines
      .slice(1)
      .forEach((y, i) => expect(y - (baselines[i] ?? 0)).toBeGreaterThanOrEqual(13));
    // The lines with the figures sit on their dotted lines (65% and 60%), 4 px below.
    const dotted = [...chart.svg.matchAll(/<line [^>]*y1="([\d.]+)"[^>]*stroke-dasharray="2 3"/g)]
      .map(([, y1]) => Number(y1))
      .sort((a, b) => a - b);
    expect([beside[3]?.y, beside[4]?.y]).toEqual(dotted.map((y) => Math.round((y + 4) * 10) / 10));
    expect(chart.svg).not.toContain('<path d="M264');
  });

  it('joins a label it had to move to its line, and keeps every figure when names are cut', () => {
    // Four lines within 30 points of each other: not every label can sit on its line.
    const crowded: Measure = {
      ...targeted,
      comparators: [
        ...targeted.comparators,
        {
          name: 'Our own best quarter before the pandemic',
          value: 71,
          asAt: '2019',
          date: '2019-12-31',
        },
      ],
    };
    const chart = writeMeasureChartSvg([
      { measure: crowded, progress: measureProgress(crowded, periods, values) },
    ]);
    const beside = (chart.layers?.labels ?? []).filter((l) => l.x > 264);
    const figures = ['85%', '71%', '70%', '65%', '60%'];
    for (const figure of figures) {
      expect(beside.filter((l) => l.content.endsWith(figure))).toHaveLength(1);
    }
    const plotTop = 12 + 44;
    const axis = 12 + 168 - 34;
    for (const l of beside) {
      expect(l.y).toBeGreaterThanOrEqual(plotTop);
      expect(l.y).toBeLessThanOrEqual(axis);
    }
    // Every label off its line has a leader from the line's end to its figure.
    const leaders = [...chart.svg.matchAll(/<path d="M264 ([\d.]+) L268 ([\d.]+)"/g)];
    expect(leaders.length).toBeGreaterThan(0);
    for (const [, from, to] of leaders) {
      const label = beside.find((l) => Math.abs(l.y - 4 - Number(to)) < 0.2);
      expect(label, `a figure at ${to}`).toBeDefined();
      expect(Math.abs(Number(from) - Number(to))).toBeGreaterThan(3);
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
