import { describe, expect, it } from 'vitest';
import { loadSamplePlan, parseCsv } from './sample-plan.js';

describe('the sample plan loader used by tests', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'Ref,Note\r\nA1,"Actions a), b) done; ""portal"" next"\nA2,"two\nlines"\n\n';
    expect(parseCsv(text)).toEqual([
      ['Ref', 'Note'],
      ['A1', 'Actions a), b) done; "portal" next'],
      ['A2', 'two\nlines'],
    ]);
  });

  it('loads the Thurrock plan: 3 workstreams, 12 actions with their steps, 11 roles, 13 ratings', () => {
    const plan = loadSamplePlan();
    expect(plan.workstreams.map((w) => w.code)).toEqual(['A', 'B', 'C']);
    expect(plan.actions).toHaveLength(12);
    expect(plan.roles).toHaveLength(11);
    expect(plan.updates).toHaveLength(13);
    const a2 = plan.actions.find((a) => a.ref === 'A2');
    expect(a2?.steps.find((s) => s.letter === 'c')).toMatchObject({
      due: '2020-01-31',
      revisedDue: '2021-01-31',
    });
    expect(plan.actions.find((a) => a.ref === 'A1')?.due).toBe('Ongoing');
    expect(plan.actions.find((a) => a.ref === 'A5')?.current).toMatchObject({
      periodId: 'Jan 2021',
      rating: 'Green',
    });
    expect(plan.updates[0]).toMatchObject({
      ref: 'A1',
      at: '2021-01-15T12:00:00.000Z',
      by: 'import',
    });
  });
});
