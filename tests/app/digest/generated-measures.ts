import type { Measure } from '../../../src/domain/measure.js';
import type { MeasureValue } from '../../../src/domain/measure-value.js';
import type { Plan } from '../../../src/store/plan.repository.js';

export interface GeneratedMeasuresOptions {
  readonly measures: number;
  /** Values per measure, spread evenly over the plan's periods (monthly figures, say). */
  readonly valuesPerMeasure: number;
}

/**
 * Measures for a generated programme: every one with a baseline, a target, two comparators
 * and its values, half higher-is-better percentages and half lower-is-better counts, each
 * linked to one action. Deterministic, so benchmarks compare like with like.
 */
export function generateMeasures(
  plan: Plan,
  options: GeneratedMeasuresOptions,
): { readonly measures: Measure[]; readonly measureValues: MeasureValue[] } {
  const { periods } = plan.programme;
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) throw new Error('A generated programme needs periods.');
  const measures: Measure[] = [];
  const measureValues: MeasureValue[] = [];
  for (let m = 0; m < options.measures; m += 1) {
    const percentage = m % 2 === 0;
    const action = plan.actions[(m * 7) % plan.actions.length];
    const code = `M${m + 1}`;
    measures.push({
      programmeId: plan.programme.id,
      code,
      name: `Measure ${m + 1}: ${percentage ? 'share of plans on time' : 'young people waiting'}`,
      unit: percentage ? '%' : 'number',
      better: percentage ? 'higher' : 'lower',
      baseline: { value: percentage ? 60 : 120, date: first.closes },
      target: { value: percentage ? 90 : 40, date: last.closes },
      interimTargets: [],
      comparators: [
        { name: 'England', value: percentage ? 70 : 90, asAt: '2020', date: '2020-12-31' },
        { name: 'Region', value: percentage ? 65 : 100, asAt: '2020', date: '2020-12-31' },
      ],
      refs: action ? [action.ref] : [],
      workstreams: [],
      reportedBy: action?.ownerRole ?? 'OWNER1',
      frequency: 'monthly',
      source: 'Monthly return',
    });
    for (let v = 0; v < options.valuesPerMeasure; v += 1) {
      const period = periods[Math.floor((v * periods.length) / options.valuesPerMeasure)] ?? last;
      const step = ((m + v) % 7) - 2;
      const value = percentage ? 60 + v + step : Math.max(0, 120 - 3 * v + step);
      measureValues.push({
        id: `gen|${code}|${v}`,
        programmeId: plan.programme.id,
        code,
        periodId: period.id,
        value,
        note: v % 3 === 0 ? `Figure for month ${v + 1}.` : '',
        by: 'import',
        at: new Date(Date.parse(`${period.closes}T00:00:00Z`) - (24 - v) * 3_600_000).toISOString(),
        source: 'import',
      });
    }
  }
  return { measures, measureValues };
}
