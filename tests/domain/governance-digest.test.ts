import { describe, expect, it } from 'vitest';
import { decisionRecords, governanceDigest } from '../../src/domain/governance-digest.js';
import type { RevisionRequest } from '../../src/domain/revision.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const { actions } = loadSamplePlan();

function request(id: string, ref: string, decidedAt: string | null): RevisionRequest {
  return {
    id,
    programmeId: 'wsoa',
    ref,
    workstream: ref.slice(0, 1),
    askedBy: 'owner@council.example',
    askedAt: '2020-12-01T09:00:00.000Z',
    reason: 'COVID restrictions',
    fromDue: '2020-07-31',
    toDue: '2021-07-31',
    planDates: { due: '2020-07-31', revisedDue: null },
    decision:
      decidedAt === null
        ? null
        : { outcome: 'approved', by: 'cd@council.example', at: decidedAt, reason: null },
  };
}

describe('the governance part of the digest', () => {
  const digest = governanceDigest({
    actions,
    requests: [
      request('old', 'C2', '2020-10-01T09:00:00.000Z'),
      request('new', 'C2', '2021-01-05T09:00:00.000Z'),
      request('wait', 'B1', null),
    ],
    ticks: [
      {
        programmeId: 'wsoa',
        ref: 'A2',
        letter: 'a',
        doneOn: '2021-01-10',
        by: 'sles@council.example',
        at: '2021-01-10T09:00:00.000Z',
        periodId: 'Jan 2021',
      },
    ],
    signOff: null,
    since: '2020-11-04T23:59:59.999Z',
    asAt: '2021-01-25T09:00:00.000Z',
    today: '2021-01-25',
  });

  it('lists dates revised since the last board, old → new with who decided, and what is waiting', () => {
    expect(digest.revised).toEqual([
      {
        ref: 'C2',
        from: '2020-07-31',
        to: '2021-07-31',
        decidedBy: 'cd@council.example',
        decidedAt: '2021-01-05T09:00:00.000Z',
      },
    ]);
    expect(digest.waiting.map((w) => w.ref)).toEqual(['B1']);
  });

  it('counts steps done and names the late ones for each action with steps', () => {
    expect(digest.steps.find((s) => s.ref === 'A2')).toEqual({
      ref: 'A2',
      done: 1,
      total: 9,
      late: ['b', 'g', 'h', 'i'],
    });
  });

  it('exports every decision, oldest first', () => {
    const records = decisionRecords(
      [request('new', 'C2', '2021-01-05T09:00:00.000Z')],
      [],
      [],
      actions,
    );
    expect(records.map((r) => [r.kind, r.by, r.outcome, r.detail])).toEqual([
      [
        'revision asked',
        'owner@council.example',
        'asked',
        '2020-07-31 → 2021-07-31: COVID restrictions',
      ],
      ['revision decided', 'cd@council.example', 'approved', '2020-07-31 → 2021-07-31'],
    ]);
  });

  it('marks an approval a later workbook overruled, and keeps its record', () => {
    const approved = [request('new', 'C2', '2021-01-05T09:00:00.000Z')];
    const redated = actions.map((a) => (a.ref === 'C2' ? { ...a, due: '2021-03-31' } : a));
    const decided = (list: typeof actions) =>
      decisionRecords(approved, [], [], list).find((r) => r.kind === 'revision decided');
    expect(decided(redated)?.detail).toBe(
      "2020-07-31 → 2021-07-31. No longer counts: a later workbook changed C2's dates in the plan (now 2021-03-31).",
    );
    expect(decided(actions.filter((a) => a.ref !== 'C2'))?.detail).toBe(
      '2020-07-31 → 2021-07-31. No longer counts: a later workbook removed C2 from the plan.',
    );
    expect(decided(redated)?.outcome).toBe('approved');
  });
});

describe('dates revised since the last board, after a re-import', () => {
  const window = {
    ticks: [],
    signOff: null,
    since: '2020-11-04T23:59:59.999Z',
    asAt: '2021-01-25T09:00:00.000Z',
    today: '2021-01-25',
  } as const;
  const agreed = [request('c2', 'C2', '2021-01-05T09:00:00.000Z')];

  it('leaves out a revision the workbook overruled by changing the action’s own dates', () => {
    const reimported = actions.map((a) => (a.ref === 'C2' ? { ...a, due: '2021-03-31' } : a));
    const digest = governanceDigest({ ...window, actions: reimported, requests: agreed });
    expect(digest.revised).toEqual([]);
  });

  it('keeps a revision whose action the workbook changed in other ways only', () => {
    const retitled = actions.map((a) => (a.ref === 'C2' ? { ...a, title: 'New wording' } : a));
    const digest = governanceDigest({ ...window, actions: retitled, requests: agreed });
    expect(digest.revised.map((r) => [r.ref, r.to])).toEqual([['C2', '2021-07-31']]);
  });
});
