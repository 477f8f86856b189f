import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/action.js';
import {
  agreedRevisions,
  AUTOMATIC,
  decideRevision,
  overruledRevisions,
  revisedBetween,
  revisionAskProblems,
  revisionState,
  revisionSummary,
  waitingRequests,
  withdrawnOnBlue,
  withRevisions,
  type DecisionDraft,
  type RevisionRequest,
} from '../../src/domain/revision.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const c2: Action = {
  programmeId: 'wsoa',
  workstream: 'C',
  ref: 'C2',
  title: 'Revise the annual review process',
  ownerRole: 'SLSESEND',
  contributors: [],
  due: '2020-03-31',
  revisedDue: null,
  proposedDue: null,
  outcomes: '',
  steps: [],
  current: {
    updateId: 'u1',
    periodId: 'Jan 2021',
    rating: 'Amber',
    note: 'Backlog',
    at: '2021-01-10T10:00:00.000Z',
    by: 'slsesend@council.example',
  },
};

function request(overrides: Partial<RevisionRequest> = {}): RevisionRequest {
  return {
    id: 'r1',
    programmeId: 'wsoa',
    ref: 'C2',
    workstream: 'C',
    askedBy: 'slsesend@council.example',
    askedAt: '2021-01-11T09:00:00.000Z',
    reason: 'Backlog of annual reviews after the school closures.',
    fromDue: '2020-03-31',
    toDue: '2021-07-31',
    planDates: { due: '2020-03-31', revisedDue: null },
    decision: null,
    ...overrides,
  };
}

const approve: DecisionDraft = {
  outcome: 'approved',
  by: 'cd@council.example',
  at: '2021-01-12T15:00:00.000Z',
  reason: null,
  byDecider: true,
  planNow: { due: '2020-03-31', revisedDue: null },
};

describe('asking for a later date', () => {
  const ask = {
    reason: 'Backlog',
    toDue: '2021-07-31',
    currentDue: '2020-03-31',
    rating: 'Amber' as const,
    waiting: null,
  };

  it('accepts a reason and a date later than the current one', () => {
    expect(revisionAskProblems(ask)).toEqual([]);
  });

  it('needs a reason and a later, real date, and says so for each', () => {
    const problems = revisionAskProblems({ ...ask, reason: '  ', toDue: '2020-03-31' });
    expect(problems.map((p) => p.field)).toEqual(['reason', 'toDue']);
    expect(problems[1]?.message).toBe(
      'The new date must be later than the current due date (31 Mar 2020).',
    );
    expect(revisionAskProblems({ ...ask, toDue: '31/07/2021' })[0]?.message).toMatch(
      /is not a date\. Give it as year-month-day/,
    );
  });

  it('refuses a second request while one is waiting, and any for a Blue action', () => {
    const waiting = revisionAskProblems({ ...ask, waiting: request() });
    expect(waiting[0]?.message).toBe(
      'A later date (31 Jul 2021) asked for on 11 Jan 2021 is still waiting for a decision. Wait for it, then ask again if needed.',
    );
    expect(revisionAskProblems({ ...ask, rating: 'Blue' })[0]?.message).toMatch(
      /Blue \(completed\)/,
    );
  });
});

describe('deciding a request', () => {
  it('approves, recording who decided and when', () => {
    const result = decideRevision(request(), approve);
    expect(result.ok && result.request.decision).toEqual({
      outcome: 'approved',
      by: 'cd@council.example',
      at: '2021-01-12T15:00:00.000Z',
      reason: null,
    });
    expect(result.ok && revisionState(result.request)).toBe('approved');
  });

  it('lets the first decision stand: a later decider gets it back', () => {
    const first = decideRevision(request(), approve);
    if (!first.ok) throw new Error('expected the first decision to be taken');
    const second = decideRevision(first.request, {
      ...approve,
      outcome: 'declined',
      by: 'ades@council.example',
      reason: 'No',
    });
    expect(second).toMatchObject({
      ok: false,
      code: 'ALREADY_DECIDED',
      decision: { by: 'cd@council.example' },
    });
  });

  it('needs a reason to decline, a decider, and someone other than the asker', () => {
    expect(
      decideRevision(request(), { ...approve, outcome: 'declined', reason: ' ' }),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(decideRevision(request(), { ...approve, byDecider: false })).toMatchObject({
      code: 'NOT_DECIDER',
    });
    expect(decideRevision(request(), { ...approve, by: 'SLSESEND@council.example' })).toMatchObject(
      { code: 'OWN_REQUEST' },
    );
  });

  it('withdraws, rather than approves, a request the plan has moved on from since it was asked', () => {
    const moved = decideRevision(request(), {
      ...approve,
      planNow: { due: '2020-03-31', revisedDue: '2021-03-31' },
    });
    expect(moved.ok && moved.request.decision).toEqual({
      outcome: 'withdrawn',
      by: AUTOMATIC,
      at: '2021-01-12T15:00:00.000Z',
      reason:
        "a workbook imported after this was asked changed C2's dates in the plan, and it is now due 31 Mar 2021. The owner can ask again if a later date is still needed.",
    });
    const removed = decideRevision(request(), { ...approve, planNow: null });
    expect(removed.ok && removed.request.decision?.reason).toBe(
      'a workbook imported after this was asked removed C2 from the plan.',
    );
    // A decline still stands as the decider gave it: it changes no date either way.
    const declined = decideRevision(request(), {
      ...approve,
      outcome: 'declined',
      reason: 'Not needed',
      planNow: null,
    });
    expect(declined.ok && declined.request.decision?.outcome).toBe('declined');
  });

  it('withdraws a waiting request when the action turns Blue', () => {
    const withdrawn = withdrawnOnBlue(
      [
        request(),
        request({ id: 'r0', decision: { outcome: 'declined', by: 'x', at: 'y', reason: 'z' } }),
      ],
      'Blue',
      '2021-02-01T09:00:00.000Z',
    );
    expect(withdrawn.map((r) => [r.id, revisionState(r)])).toEqual([['r1', 'withdrawn']]);
    expect(withdrawnOnBlue([request()], 'Green', '2021-02-01T09:00:00.000Z')).toEqual([]);
  });
});

describe('the dates that count', () => {
  const approved = request({
    decision: {
      outcome: 'approved',
      by: 'cd@council.example',
      at: '2021-01-12T15:00:00.000Z',
      reason: null,
    },
  });

  it('moves the current due date to the agreed one and keeps the original', () => {
    const seen = withRevisions(c2, [approved]);
    expect(seen.due).toBe('2020-03-31');
    expect(seen.revisedDue).toBe('2021-07-31');
    const summary = revisionSummary(c2, [approved]);
    expect(summary).toMatchObject({
      original: '2020-03-31',
      current: '2021-07-31',
      timesRevised: 1,
    });
    expect(summary.entries[0]?.request?.decision?.by).toBe('cd@council.example');
  });

  it('shows a waiting request as proposed, and ignores a declined one', () => {
    const declined = request({
      id: 'r0',
      toDue: '2021-05-31',
      decision: {
        outcome: 'declined',
        by: 'cd@council.example',
        at: '2021-01-05T10:00:00.000Z',
        reason: 'Too late',
      },
    });
    const seen = withRevisions(c2, [declined, request()]);
    expect(seen.revisedDue).toBeNull();
    expect(seen.proposedDue).toBe('2021-07-31');
    expect(revisionSummary(c2, [declined]).timesRevised).toBe(0);
  });

  it('counts the plan’s own revision and every agreed request, the latest winning', () => {
    const planned = { ...c2, revisedDue: '2020-12-31' };
    const later = request({
      fromDue: '2020-12-31',
      planDates: { due: '2020-03-31', revisedDue: '2020-12-31' },
      decision: approved.decision,
    });
    const summary = revisionSummary(planned, [later]);
    expect(summary.entries.map((e) => [e.source, e.from, e.to])).toEqual([
      ['plan', '2020-03-31', '2020-12-31'],
      ['request', '2020-12-31', '2021-07-31'],
    ]);
    expect(summary.current).toBe('2021-07-31');
  });

  it('shows A2 in the sample with three steps the board revised', () => {
    const a2 = loadSamplePlan().actions.find((a) => a.ref === 'A2');
    if (!a2) throw new Error('A2 is in the sample');
    expect(revisionSummary(a2, []).stepRevisions).toEqual([
      { letter: 'c', from: '2020-01-31', to: '2021-01-31' },
      { letter: 'e', from: '2020-08-31', to: '2021-08-31' },
      { letter: 'f', from: '2020-02-29', to: '2021-01-31' },
    ]);
  });
});

describe('a re-import', () => {
  const approved = request({
    decision: {
      outcome: 'approved',
      by: 'cd@council.example',
      at: '2021-01-12T15:00:00.000Z',
      reason: null,
    },
  });

  it('keeps an agreed revision when the workbook keeps the action’s dates', () => {
    const retitled: Action = { ...c2, title: 'New title' };
    expect(overruledRevisions([c2], [retitled], [approved])).toEqual([]);
    expect(agreedRevisions(c2, [approved])).toHaveLength(1);
  });

  it('says, action by action, which agreed revisions the workbook’s new dates overrule', () => {
    const changed = { ...c2, revisedDue: '2021-09-30' };
    expect(overruledRevisions([c2], [changed], [approved])).toEqual([
      { ref: 'C2', agreed: approved, workbook: { due: '2020-03-31', revisedDue: '2021-09-30' } },
    ]);
    expect(withRevisions(changed, [approved]).revisedDue).toBe('2021-09-30');
  });
});

describe('revisions for the digest', () => {
  const decided = (id: string, at: string) =>
    request({ id, decision: { outcome: 'approved', by: 'cd@council.example', at, reason: null } });

  it('lists approvals since the last board, and what is still waiting', () => {
    const list = [
      decided('a', '2020-11-01T10:00:00.000Z'),
      decided('b', '2021-01-12T10:00:00.000Z'),
      request({ id: 'c' }),
    ];
    expect(
      revisedBetween(list, '2020-11-04T23:59:59.999Z', '2021-01-27T00:00:00.000Z').map((r) => r.id),
    ).toEqual(['b']);
    expect(revisedBetween(list, null, '2021-01-27T00:00:00.000Z').map((r) => r.id)).toEqual([
      'a',
      'b',
    ]);
    expect(waitingRequests(list).map((r) => r.id)).toEqual(['c']);
  });
});
