import { describe, expect, it } from 'vitest';
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
