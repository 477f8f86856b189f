import type { Measure } from '../../../src/domain/measure.js';
import type { MeasureValue } from '../../../src/domain/measure-value.js';
import type { Store } from '../../../src/store/store.js';
import { loadSamplePlan } from '../../support/sample-plan.js';

/** The sample plan with targets added (the council published none) and an earlier value. */
export async function sampleWithTargets(store: Store): Promise<void> {
  const plan = loadSamplePlan();
  const measures = plan.measures.map((measure): Measure => {
    if (measure.code === 'EHC20') {
      return {
        ...measure,
        baseline: { value: 70, date: '2019-10-25' },
        target: { value: 90, date: '2021-07-23' },
      };
    }
    if (measure.code === 'NEET1618') {
      return {
        ...measure,
        baseline: { value: 6, date: '2019-10-25' },
        target: { value: 4, date: '2021-07-23' },
      };
    }
    return measure;
  });
  const ehcJan = plan.measureValues.find((v) => v.code === 'EHC20') as MeasureValue;
  const earlier: MeasureValue = {
    ...ehcJan,
    id: 'import|wsoa|measure|EHC20|Oct 2020',
    periodId: 'Oct 2020',
    value: 72,
    note: '',
    at: '2020-10-23T12:00:00.000Z',
  };
  await store.plans.replace({
    ...plan,
    ratings: plan.updates,
    measures,
    measureValues: [...plan.measureValues, earlier],
  });
}
