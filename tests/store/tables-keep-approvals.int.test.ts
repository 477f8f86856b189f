import { describe, expect, inject, it } from 'vitest';
import type { RevisionRequest } from '../../src/domain/revision.js';
import { overdueOn } from '../../src/domain/status-summary.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { seedSamplePlan } from '../app/seed-sample.js';
import { uniqueTablePrefix } from '../support/azurite.js';

/** C2 asked for and approved as a version before approved dates were kept decided it. */
const approvedEarlier: RevisionRequest = {
  id: 'r1',
  programmeId: 'wsoa',
  ref: 'C2',
  workstream: 'C',
  askedBy: 'slsesend@council.example',
  askedAt: '2021-02-01T09:00:00.000Z',
  reason: 'Annual reviews paused in lockdown.',
  fromDue: '2020-07-31',
  toDue: '2021-09-30',
  planDates: { due: '2020-07-31', revisedDue: null },
  decision: null,
};

async function overdueInC(store: Store): Promise<number> {
  const kept = await store.summaries.get('wsoa', 'C');
  if (!kept) throw new Error('workstream C should have a summary');
  return overdueOn(kept.summary, '2021-03-01');
}

describe('approvals decided before approved dates were kept, on Azurite', () => {
  it('are kept on the action’s record at the next start, and only once', async () => {
    const options = {
      connection: { connectionString: inject('azuriteConnectionString') },
      tablePrefix: uniqueTablePrefix('ka'),
    };
    const before = await createTablesStore(options);
    await seedSamplePlan(before);
    await before.revisions.ask(approvedEarlier);
    const decided = await before.revisions.decide('wsoa', 'r1', {
      outcome: 'approved',
      by: 'cd@council.example',
      at: '2021-02-02T09:00:00.000Z',
      reason: null,
    });
    expect(decided.ok).toBe(true);
    // Only the revisions table knows: the action and its workstream's summary do not.
    expect((await before.actions.get('wsoa', 'C2'))?.value.agreedDue).toBeUndefined();
    const overdueBefore = await overdueInC(before);

    const restarted = await createTablesStore(options);
    expect((await restarted.actions.get('wsoa', 'C2'))?.value.agreedDue).toBe('2021-09-30');
    expect(await overdueInC(restarted)).toBe(overdueBefore - 1);

    // The start after finds the programme marked done and writes nothing: its mark holds still.
    const mark = await restarted.scheduleMarks.read('wsoa');
    const again = await createTablesStore(options);
    expect(await again.scheduleMarks.read('wsoa')).toBe(mark);
    expect(await overdueInC(again)).toBe(overdueBefore - 1);
  });
});
