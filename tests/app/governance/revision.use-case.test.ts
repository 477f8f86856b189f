import { describe, expect, it, vi } from 'vitest';
import { overdueOn } from '../../../src/domain/status-summary.js';
import { loadSamplePlan } from '../../support/sample-plan.js';
import { governanceWorld, person } from './governance-world.js';

const owner = person('sles@council.example');
const ask = { ref: 'a2', toDue: '2021-09-30', reason: 'Colleges closed by COVID restrictions.' };

describe('revision use case', () => {
  it('sends an owner’s request to the workstream lead and the board chair, not to the owner', async () => {
    const world = await governanceWorld();
    const asked = await world.revisions.ask(world.programme, ask, owner);
    if (!asked.ok) throw new Error(asked.code);
    expect(asked.request).toMatchObject({
      ref: 'A2',
      workstream: 'A',
      askedBy: 'sles@council.example',
      toDue: '2021-09-30',
      fromDue: null,
    });
    expect(asked.deciders).toEqual(['cd@council.example', 'ades@council.example']);
    expect(asked.action.proposedDue).toBe('2021-09-30');
    const queued = await world.store.outbox.listByState('planned', 10);
    expect(queued.map((m) => [m.kind, m.recipient, m.payload]).sort()).toEqual([
      ['revision-request', 'ades@council.example', { requestId: 'req-1' }],
      ['revision-request', 'cd@council.example', { requestId: 'req-1' }],
    ]);
    // The programme's sender, leased per programme, lists its messages by programme.
    const theirs = await world.store.outbox.listPending(new Date(), 10, world.programme.id);
    expect(theirs.map((e) => e.value.recipient).sort()).toEqual([
      'ades@council.example',
      'cd@council.example',
    ]);
  });

  it('refuses someone who does not own the action, and a request with no reason', async () => {
    const world = await governanceWorld();
    expect(
      await world.revisions.ask(world.programme, ask, person('dco@ccg.example')),
    ).toMatchObject({ ok: false, code: 'NOT_OWNER' });
    const blank = await world.revisions.ask(world.programme, { ...ask, reason: '' }, owner);
    expect(
      blank.ok === false && blank.code === 'INVALID_REQUEST' && blank.problems.map((p) => p.field),
    ).toEqual(['reason']);
  });

  it('moves the due date on approval, keeps the original, and lets no later decider change it', async () => {
    const world = await governanceWorld();
    await world.revisions.ask(
      world.programme,
      { ...ask, ref: 'C2' },
      person('slsesend@council.example'),
    );
    const [pending] = await world.revisions.pending(world.programme, person('cd@council.example'));
    if (!pending) throw new Error('the chair should have the request waiting');
    world.setNow('2021-03-02T09:00:00Z');
    const approved = await world.revisions.decide(
      world.programme,
      { id: pending.request.id, outcome: 'approved', reason: null },
      person('cd@council.example'),
    );
    if (!approved.ok) throw new Error(approved.code);
    expect(approved.action).toMatchObject({ due: '2020-07-31', revisedDue: '2021-09-30' });
    expect(approved.summary).toMatchObject({
      original: '2020-07-31',
      current: '2021-09-30',
      timesRevised: 1,
    });
    const late = await world.revisions.decide(
      world.programme,
      { id: pending.request.id, outcome: 'declined', reason: 'No' },
      person('ades@council.example'),
    );
    expect(late).toMatchObject({
      ok: false,
      code: 'ALREADY_DECIDED',
      request: { decision: { outcome: 'approved', by: 'cd@council.example' } },
    });
    expect(await world.revisions.pending(world.programme, person('cd@council.example'))).toEqual(
      [],
    );
  });

  it('puts an approved date on the action’s record, where /status and its counts read it', async () => {
    const world = await governanceWorld();
    const chair = person('cd@council.example');
    const overdueInC = async () => {
      const kept = await world.store.summaries.get(world.programme.id, 'C');
      if (!kept) throw new Error('workstream C should have a summary');
      return overdueOn(kept.summary, '2021-03-02');
    };
    const before = await overdueInC();
    const asked = await world.revisions.ask(
      world.programme,
      { ...ask, ref: 'C2' },
      person('slsesend@council.example'),
    );
    if (!asked.ok) throw new Error(asked.code);
    // Asking moves nothing: C2 (due 31 Jul 2020) is still overdue until a decider agrees.
    expect(await overdueInC()).toBe(before);
    expect((await world.store.actions.get(world.programme.id, 'C2'))?.value.agreedDue).toBe(
      undefined,
    );
    world.setNow('2021-03-02T09:00:00Z');
    // Storage fails just after the decision is stored: the chair is told something went wrong.
    const keep = vi
      .spyOn(world.store.actions, 'keepAgreedDue')
      .mockRejectedValueOnce(new Error('storage unavailable'));
    const decide = () =>
      world.revisions.decide(
        world.programme,
        { id: asked.request.id, outcome: 'approved', reason: null },
        chair,
      );
    await expect(decide()).rejects.toThrow('storage unavailable');
    expect(await overdueInC()).toBe(before);
    // Pressing again finds it decided, and puts the date on the record then.
    expect(await decide()).toMatchObject({ ok: false, code: 'ALREADY_DECIDED' });
    expect(keep).toHaveBeenCalledTimes(2);
    const found = await world.store.actions.get(world.programme.id, 'C2');
    expect(found?.value).toMatchObject({
      due: '2020-07-31',
      revisedDue: null,
      agreedDue: '2021-09-30',
    });
    expect(await overdueInC()).toBe(before - 1);
  });

  it('withdraws, rather than approves, a request asked before a workbook moved the action’s dates', async () => {
    const world = await governanceWorld();
    const owner = person('slsesend@council.example');
    const asked = await world.revisions.ask(world.programme, { ...ask, ref: 'C2' }, owner);
    if (!asked.ok) throw new Error(asked.code);
    // Meanwhile the board's new workbook gives C2 a revised date of its own.
    const plan = loadSamplePlan();
    await world.store.plans.replace({
      programme: plan.programme,
      workstreams: plan.workstreams,
      actions: plan.actions.map((a) => (a.ref === 'C2' ? { ...a, revisedDue: '2021-01-29' } : a)),
      roles: plan.roles,
      ratings: [],
    });
    world.setNow('2021-03-02T09:00:00Z');
    const decided = await world.revisions.decide(
      world.programme,
      { id: asked.request.id, outcome: 'approved', reason: null },
      person('cd@council.example'),
    );
    if (!decided.ok) throw new Error(decided.code);
    expect(decided.request.decision).toEqual({
      outcome: 'withdrawn',
      by: 'automatic',
      at: '2021-03-02T09:00:00.000Z',
      reason:
        "a workbook imported after this was asked changed C2's dates in the plan, and it is now due 29 Jan 2021. The owner can ask again if a later date is still needed.",
    });
    // The date stays the plan's, and the owner is told, as for any other outcome.
    const c2 = await world.store.actions.get(world.programme.id, 'C2');
    expect(c2?.value).toMatchObject({ revisedDue: '2021-01-29' });
    expect(c2?.value.agreedDue).toBeUndefined();
    expect(decided.action).toMatchObject({ revisedDue: '2021-01-29' });
    const queued = await world.store.outbox.listByState('planned', 10);
    expect(queued.filter((m) => m.kind === 'revision-outcome').map((m) => m.recipient)).toEqual([
      'slsesend@council.example',
    ]);
    // Asking again from the new date is open to the owner.
    const again = await world.revisions.ask(
      world.programme,
      { ...ask, ref: 'C2', toDue: '2021-10-29' },
      owner,
    );
    expect(again.ok).toBe(true);
  });

  it('refuses a decider for another workstream, the asker, and a decline with no reason', async () => {
    const world = await governanceWorld();
    const asked = await world.revisions.ask(world.programme, ask, owner);
    if (!asked.ok) throw new Error(asked.code);
    const id = asked.request.id;
    expect(
      await world.revisions.decide(
        world.programme,
        { id, outcome: 'approved', reason: null },
        person('slsppep@council.example'),
      ),
    ).toMatchObject({ code: 'NOT_DECIDER' });
    expect(
      await world.revisions.decide(
        world.programme,
        { id, outcome: 'approved', reason: null },
        owner,
      ),
    ).toMatchObject({ code: 'NOT_DECIDER' });
    expect(
      await world.revisions.decide(
        world.programme,
        { id, outcome: 'declined', reason: ' ' },
        person('ades@council.example'),
      ),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
    const declined = await world.revisions.decide(
      world.programme,
      { id, outcome: 'declined', reason: 'Evidence first.' },
      person('ades@council.example'),
    );
    expect(declined.ok && declined.action.revisedDue).toBeNull();
    expect(declined.ok && declined.request.decision?.reason).toBe('Evidence first.');
  });

  it('withdraws a waiting request when the action is rated Blue', async () => {
    const world = await governanceWorld();
    await world.revisions.ask(world.programme, ask, owner);
    const action = await world.store.actions.get('wsoa', 'A2');
    if (!action) throw new Error('A2 is in the sample');
    const blue = {
      ...action.value,
      current: {
        ...(action.value.current ?? {
          updateId: 'x',
          periodId: 'Apr 2021',
          note: '',
          at: '',
          by: '',
        }),
        rating: 'Blue' as const,
      },
    };
    const withdrawn = await world.revisions.withdrawIfBlue(world.programme, blue);
    expect(withdrawn.map((r) => r.decision?.outcome)).toEqual(['withdrawn']);
    expect(await world.revisions.pending(world.programme, person('ades@council.example'))).toEqual(
      [],
    );
  });
});
