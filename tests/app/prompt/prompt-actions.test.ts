import { describe, expect, it } from 'vitest';
import { chaseMissing } from '../../../src/app/prompt/chase.use-case.js';
import { recordNoChange } from '../../../src/app/prompt/no-change.use-case.js';
import { sampleWorldBefore } from './prompt-world.js';

const now = new Date('2021-01-15T10:00:00Z');

async function worldWithA2RatedInOctober() {
  const world = await sampleWorldBefore('Jan 2021');
  const a2 = await world.store.actions.get('wsoa', 'A2');
  if (!a2) throw new Error('A2 missing from the sample');
  await world.store.actions.recordUpdate(
    {
      id: 'oct-a2',
      programmeId: 'wsoa',
      ref: 'A2',
      periodId: 'Oct 2020',
      rating: 'Amber',
      note: 'Delayed by COVID restrictions.',
      evidence: null,
      proposedDue: null,
      rolledOver: false,
      by: 'import',
      at: '2020-10-20T09:00:00.000Z',
      source: 'import',
    },
    a2.etag,
  );
  const role = world.plan.roles.find((r) => r.code === a2.value.ownerRole);
  return { ...world, owner: { email: role?.person ?? null, isAdmin: false } };
}

describe('no change since last period', () => {
  it('records the previous rating again, marked rolled over, once however often pressed', async () => {
    const { store, plan, owner } = await worldWithA2RatedInOctober();
    const request = { ref: 'A2', periodId: 'Jan 2021' };
    const first = await recordNoChange(store, plan.programme, request, owner, now, '2021-01-15');
    expect(first).toMatchObject({
      ok: true,
      update: { rating: 'Amber', rolledOver: true, periodId: 'Jan 2021' },
    });
    const second = await recordNoChange(store, plan.programme, request, owner, now, '2021-01-15');
    expect(second).toMatchObject({ ok: false, code: 'ALREADY_ANSWERED' });
    const history = await store.actions.history('wsoa', 'A2');
    expect(history.filter((u) => u.periodId === 'Jan 2021')).toHaveLength(1);
  });

  it('refuses someone who does not own the action, and an action never rated', async () => {
    const { store, plan } = await worldWithA2RatedInOctober();
    const stranger = { email: 'someone@else.example', isAdmin: false };
    const admin = { email: 'admin@council.example', isAdmin: true };
    expect(
      await recordNoChange(
        store,
        plan.programme,
        { ref: 'A2', periodId: 'Jan 2021' },
        stranger,
        now,
        '2021-01-15',
      ),
    ).toMatchObject({ ok: false, code: 'NOT_OWNER' });
    expect(
      await recordNoChange(
        store,
        plan.programme,
        { ref: 'A3', periodId: 'Jan 2021' },
        admin,
        now,
        '2021-01-15',
      ),
    ).toMatchObject({ ok: false, code: 'NO_PREVIOUS_RATING' });
  });
});

describe('chase', () => {
  it('queues one reminder per owner of the missing updates, for a workstream lead only', async () => {
    const { store, plan } = await sampleWorldBefore('Jan 2021');
    const lead = plan.workstreams.find((w) => w.code === 'A');
    const leadEmail = plan.roles.find((r) => r.code === lead?.leadRole)?.person ?? null;
    const refs = plan.actions.filter((a) => a.workstream === 'A').map((a) => a.ref);
    const refused = await chaseMissing(
      store,
      plan.programme,
      { periodId: 'Jan 2021', refs },
      { email: 'nobody@x.example', isAdmin: false },
      now,
    );
    expect(refused).toEqual({ ok: false, code: 'NOT_LEAD' });

    const chased = await chaseMissing(
      store,
      plan.programme,
      { periodId: 'Jan 2021', refs },
      { email: leadEmail, isAdmin: false },
      now,
    );
    if (!chased.ok) throw new Error(chased.code);
    const rows = await store.outbox.listByState('planned', 100);
    expect(rows.map((r) => r.recipient).sort()).toEqual([...chased.chased].sort());
    expect(rows.every((r) => r.kind === 'reminder' && r.key.includes('|chase|'))).toBe(true);
    const again = await chaseMissing(
      store,
      plan.programme,
      { periodId: 'Jan 2021', refs },
      { email: leadEmail, isAdmin: false },
      now,
    );
    expect(again.ok).toBe(true);
    expect(await store.outbox.listByState('planned', 100)).toHaveLength(rows.length);
  });
});
