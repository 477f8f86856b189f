import { describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { createRunDue } from '../../src/app/prompt/run-due.use-case.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { loadSamplePlan } from '../support/sample-plan.js';

// Ten working days before Fri 15 Jan 2021, 1 Jan being a bank holiday: Thu 31 Dec 2020.
const firstPrompt = new Date('2020-12-31T09:00:00Z');
const minutes = (n: number): Date => new Date(firstPrompt.getTime() + n * 60_000);

describe('the leader on Azure Tables', () => {
  it('reads three small things in a quiet minute, and the whole programme after a Save or when a prompt falls due', async () => {
    const requests: string[] = [];
    const store = await createTablesStore({
      connection: { connectionString: inject('azuriteConnectionString') },
      tablePrefix: uniqueTablePrefix('lm'),
      onRequest: (request) => requests.push(`${request.method} ${decodeURIComponent(request.url)}`),
    });
    const plan = loadSamplePlan();
    const janFirst = plan.programme.periods.findIndex((p) => p.id === 'Jan 2021');
    const earlier = new Set(plan.programme.periods.slice(0, janFirst).map((p) => p.id));
    await store.plans.replace({
      ...plan,
      ratings: plan.updates.filter((u) => earlier.has(u.periodId)),
    });
    const runDue = createRunDue({ ...store, logger: silentLogger });
    const tick = async (at: Date) => {
      requests.length = 0;
      const report = await runDue.run(at);
      return { ...report, requests: [...requests] };
    };

    const first = await tick(minutes(-30));
    expect(first.read).toBe(1);
    expect(first.requests.length).toBeGreaterThan(10);
    const quiet = await tick(minutes(-29));
    expect(quiet.read).toBe(0);
    // The programme list, the programme's two rows and its workstreams' summary copies.
    expect(quiet.requests).toHaveLength(3);
    expect(quiet.requests.every((r) => r.startsWith('GET'))).toBe(true);

    const due = await tick(firstPrompt);
    expect(due.read).toBe(1);
    expect(due.planned).toBeGreaterThan(3);
    expect((await tick(minutes(1))).requests).toHaveLength(3);

    const action = plan.actions[0]!;
    const before = await store.actions.get(plan.programme.id, action.ref);
    const saved = await store.actions.recordUpdate(
      {
        id: 'leader-save',
        programmeId: plan.programme.id,
        ref: action.ref,
        periodId: 'Jan 2021',
        rating: 'Blue',
        note: 'Done',
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: 'ades@council.example',
        at: minutes(1).toISOString(),
        source: 'card',
      },
      before!.etag,
    );
    expect(saved.ok).toBe(true);
    expect((await tick(minutes(2))).read).toBe(1);
    expect((await tick(minutes(3))).read).toBe(0);
    await store.scheduleMarks.touch(plan.programme.id);
    expect((await tick(minutes(4))).read).toBe(1);
  });
});
