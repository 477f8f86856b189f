import { beforeEach, describe, expect, it } from 'vitest';
import type { Measure } from '../../../src/domain/measure.js';
import type { MeasureValue } from '../../../src/domain/measure-value.js';
import type { Store } from '../../../src/store/store.js';
import { plan, type StoreFactory } from './fixtures.js';

export function measure(programmeId: string, code: string, fields: Partial<Measure> = {}): Measure {
  return {
    programmeId,
    code,
    name: `Measure ${code}`,
    unit: '%',
    better: 'higher',
    baseline: { value: 60, date: '2025-01-31' },
    target: { value: 80, date: '2026-12-31' },
    interimTargets: [{ value: 70, date: '2026-01-30' }],
    comparators: [{ name: 'England', value: 60, asAt: '2025', date: '2025-12-31' }],
    refs: ['A1'],
    workstreams: [],
    reportedBy: 'ADES',
    frequency: 'each period',
    source: 'Monthly return',
    ...fields,
  };
}

export function measureValue(
  programmeId: string,
  code: string,
  fields: Partial<MeasureValue> & { readonly id: string },
): MeasureValue {
  return {
    programmeId,
    code,
    periodId: 'Jan 2026',
    value: 70,
    note: '',
    by: 'ades@example.org',
    at: '2026-01-20T10:00:00.000Z',
    source: 'command',
    ...fields,
  };
}

export function measureContract(createStore: StoreFactory): void {
  describe('measures', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });

    it('keeps the plan’s measures, in plan order, and replaces them with the plan', async () => {
      expect(await store.measures.list('wsoa')).toEqual([]);
      const first = [measure('wsoa', 'PLANS'), measure('wsoa', 'NEET', { better: 'lower' })];
      await store.plans.replace(plan('wsoa', { A: ['A1'] }, { measures: first }));
      expect(await store.measures.list('wsoa')).toEqual(first);
      const next = [measure('wsoa', 'NEET', { better: 'lower', name: 'Renamed' })];
      await store.plans.replace(plan('wsoa', { A: ['A1'] }, { measures: next }));
      expect(await store.measures.list('wsoa')).toEqual(next);
      expect(await store.measures.list('other')).toEqual([]);
    });

    it('keeps values as history, newest first, and a correction beside what it corrects', async () => {
      await store.plans.replace(
        plan('wsoa', { A: ['A1'] }, { measures: [measure('wsoa', 'PLANS')] }),
      );
      const first = measureValue('wsoa', 'PLANS', { id: 'm1', value: 70 });
      const correction = measureValue('wsoa', 'PLANS', {
        id: 'm2',
        value: 72.5,
        note: 'Two late plans were counted twice.',
        at: '2026-01-21T09:00:00.000Z',
      });
      const other = measureValue('wsoa', 'NEET', {
        id: 'm3',
        value: 3,
        at: '2026-01-20T11:00:00.000Z',
      });
      await store.measures.record(first);
      await store.measures.record(correction);
      await store.measures.record(other);
      expect(await store.measures.historyOf('wsoa', 'plans')).toEqual([correction, first]);
      expect((await store.measures.history('wsoa')).map((v) => v.id)).toEqual(['m2', 'm3', 'm1']);
      expect(await store.measures.history('elsewhere')).toEqual([]);
    });

    it('records a value once however often the same submission arrives', async () => {
      const value = measureValue('wsoa', 'PLANS', { id: 'card-1', value: 71 });
      await store.measures.record(value);
      await store.measures.record(value);
      await store.measures.record({ ...value, at: '2026-01-22T10:00:00.000Z' });
      expect(await store.measures.historyOf('wsoa', 'PLANS')).toEqual([value]);
    });

    it('adds imported values to the history once, and keeps them when the plan is replaced', async () => {
      const imported = measureValue('wsoa', 'PLANS', {
        id: 'import|wsoa|measure|PLANS|Oct 2025',
        periodId: 'Oct 2025',
        value: 65,
        by: 'import',
        source: 'import',
        at: '2025-10-31T12:00:00.000Z',
      });
      const withValues = plan(
        'wsoa',
        { A: ['A1'] },
        { measures: [measure('wsoa', 'PLANS')], measureValues: [imported] },
      );
      await store.plans.replace(withValues);
      const live = measureValue('wsoa', 'PLANS', { id: 'm1' });
      await store.measures.record(live);
      await store.plans.replace(withValues);
      await store.plans.replace({ ...withValues, measureValues: [] });
      expect(await store.measures.historyOf('wsoa', 'PLANS')).toEqual([live, imported]);
    });
  });
}
