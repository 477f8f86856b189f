import { describe, expect, it } from 'vitest';
import { chartDataOf } from '../../../src/app/digest/chart-data.js';
import { buildDigestData } from '../../../src/domain/digest.js';
import type { DigestInput } from '../../../src/domain/digest.js';
import { loadSamplePlan } from '../../support/sample-plan.js';
import { generateProgramme } from './generated-programme.js';

function digestCounts(input: Omit<DigestInput, 'periodId'>, periodId: string) {
  const result = buildDigestData({ ...input, periodId });
  if (!result.ok) throw new Error(result.code);
  return result.value.counts;
}

function digestPreviousCounts(input: Omit<DigestInput, 'periodId'>, periodId: string) {
  const result = buildDigestData({ ...input, periodId });
  if (!result.ok) throw new Error(result.code);
  return result.value.previousCounts;
}

describe('chart data', () => {
  const sample = loadSamplePlan();
  const sampleInput = { ...sample, today: '2021-08-01', unreachable: [] };

  it('gives the sample’s January 2021 ratings per workstream', () => {
    const chart = chartDataOf({ ...sampleInput, periodId: 'Jan 2021' });
    expect(chart.workstreams.map((bar) => [bar.label, bar.counts])).toEqual([
      ['A Records and oversight', { Blue: 2, Green: 2, Amber: 1, Red: 0, 'Not yet rated': 0 }],
      [
        'B Quality assurance and governance',
        { Blue: 0, Green: 0, Amber: 5, Red: 0, 'Not yet rated': 0 },
      ],
      [
        'C Quality of EHC plans and annual reviews',
        { Blue: 0, Green: 1, Amber: 1, Red: 0, 'Not yet rated': 0 },
      ],
    ]);
  });

  it('counts every period exactly as the digest does', () => {
    const generated = generateProgramme({ actions: 300, unrated: 0.3 });
    const cases = [
      { ...sampleInput },
      { ...generated, updates: generated.ratings, today: '2021-08-01', unreachable: [] },
    ];
    for (const input of cases) {
      const last = input.programme.periods.at(-1)?.id ?? '';
      const chart = chartDataOf({ ...input, periodId: last });
      for (const point of chart.trend) {
        expect(point.counts).toEqual(digestCounts(input, point.label));
      }
      // The counts the digest puts beside this period's are the chart's previous column.
      chart.trend.slice(1).forEach((point, i) => {
        expect(digestPreviousCounts(input, point.label)).toEqual(chart.trend[i]?.counts);
      });
      for (const bar of chart.workstreams) {
        const code = bar.label.split(' ')[0] ?? '';
        expect(bar.counts).toEqual(digestCounts({ ...input, workstream: code }, last));
      }
    }
  });

  it('stops the trend at the digest’s period', () => {
    const chart = chartDataOf({ ...sampleInput, periodId: 'Jan 2020' });
    expect(chart.trend.map((point) => point.label)).toEqual(['Oct 2019', 'Jan 2020']);
  });
});
