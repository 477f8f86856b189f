import { describe, expect, it } from 'vitest';
import { renderPendingCard } from '../../src/cards/pending.card.js';
import { renderRevisionRequestCard } from '../../src/cards/revision-request.card.js';
import { renderSignOffQueryCard } from '../../src/cards/sign-off-query.card.js';
import { renderSignOffCard } from '../../src/cards/sign-off.card.js';
import type { Action } from '../../src/domain/action.js';
import { revisionSummary, type RevisionRequest } from '../../src/domain/revision.js';
import { signOffLines } from '../../src/domain/sign-off.js';

const c2: Action = {
  programmeId: 'wsoa',
  workstream: 'C',
  ref: 'C2',
  title: 'Revise and review the annual review process so that EHC plans are appropriately updated',
  ownerRole: 'SLSESEND',
  contributors: [],
  due: '2020-07-31',
  revisedDue: '2020-12-31',
  proposedDue: null,
  outcomes: '',
  steps: [],
  current: null,
};

const request: RevisionRequest = {
  id: 'r1',
  programmeId: 'wsoa',
  ref: 'C2',
  workstream: 'C',
  askedBy: 'slsesend@council.example',
  askedAt: '2021-03-01T10:00:00.000Z',
  reason: 'Backlog of annual reviews after the school closures.',
  fromDue: '2020-12-31',
  toDue: '2021-09-30',
  planDates: { due: '2020-07-31', revisedDue: '2020-12-31' },
  decision: null,
};

const text = (card: { content: unknown }): string => JSON.stringify(card.content);
const bytes = (card: { content: unknown }): number => Buffer.byteLength(JSON.stringify(card));

describe('a decider’s card', () => {
  it('shows the current and original dates, times revised, the reason, and Approve and Decline', () => {
    const card = renderRevisionRequestCard({
      request,
      action: c2,
      summary: revisionSummary(c2, [request]),
    });
    const json = text(card);
    for (const words of [
      'New date asked for',
      '30 Sept 2021',
      'Current due',
      '31 Dec 2020',
      'Original due',
      '31 Jul 2020',
      'Times revised',
      'Backlog of annual reviews',
    ]) {
      expect(json).toContain(words);
    }
    expect(json).toContain('"verb":"decideRevision"');
    expect(json).toContain('"outcome":"declined"');
    expect(json).toContain('Reason (needed to decline)');
  });

  it('shows the outcome and no buttons once someone has decided', () => {
    const decided = {
      ...request,
      decision: {
        outcome: 'approved' as const,
        by: 'cd@council.example',
        at: '2021-03-02T09:00:00.000Z',
        reason: null,
      },
    };
    const card = renderRevisionRequestCard({
      request: decided,
      action: c2,
      summary: revisionSummary(c2, [decided]),
    });
    expect(text(card)).toContain(
      'Approved by cd@council.example on 2 Mar 2021. C2 is now due 30 Sept 2021.',
    );
    expect(text(card)).not.toContain('decideRevision');
  });
});

describe('the pending card', () => {
  it('lists each waiting request with a Decide button, and says so when there are none', () => {
    const card = renderPendingCard({
      programmeName: 'Thurrock',
      requests: [{ request, title: c2.title }],
    });
    expect(text(card)).toContain('C2: 31 Dec 2020 → 30 Sept 2021');
    expect(text(card)).toContain('"verb":"showRevision"');
    expect(text(renderPendingCard({ programmeName: 'Thurrock', requests: [] }))).toContain(
      'No revised due dates are waiting for your decision.',
    );
  });
});

describe('the sign-off card', () => {
  it('shows every rating with its word, flags a fall, and stays inside the message size with forty long notes', () => {
    const lines = signOffLines(
      Array.from({ length: 40 }, (_, i) => ({
        ref: `EHC${i + 1}`,
        title: 'T'.repeat(300),
        rating: i === 0 ? ('Amber' as const) : ('Green' as const),
        note: 'n'.repeat(4000),
        previous: 'Green' as const,
      })),
    );
    const card = renderSignOffCard({
      programmeId: 'wsoa',
      workstream: { code: 'EHC', name: 'EHC plans' },
      periodId: 'Jan 2021',
      lines,
      signedOff: null,
    });
    expect(text(card)).toContain('**Amber**');
    expect(text(card)).toContain('Fell from Green');
    expect(text(card)).toContain('"id":"verdict_EHC40"');
    expect(bytes(card)).toBeLessThan(28 * 1024);
  });
});

describe('the query card', () => {
  it('shows the lead’s question on the owner’s rating with Reply and Revise my update', () => {
    const card = renderSignOffQueryCard({
      title: c2.title,
      query: {
        id: 'Jan 2021|C|C2',
        programmeId: 'wsoa',
        workstream: 'C',
        periodId: 'Jan 2021',
        ref: 'C2',
        raisedBy: 'slsesend@council.example',
        raisedAt: '2021-01-18T10:00:00.000Z',
        question: 'Is the backlog cleared?',
        rating: 'Amber',
        answer: null,
      },
    });
    expect(text(card)).toContain('Is the backlog cleared?');
    expect(text(card)).toContain('**Amber**');
    expect(text(card)).toContain('"verb":"answerQuery"');
    expect(text(card)).toContain('"verb":"edit"');
  });
});

describe('the action detail card with governance', () => {
  it('shows A2’s revisions by the board, its agreed revision and its steps done', async () => {
    const { loadSamplePlan } = await import('../support/sample-plan.js');
    const { renderActionDetailCard } = await import('../../src/cards/action-detail.card.js');
    const { stepProgress } = await import('../../src/domain/step-completion.js');
    const a2 = loadSamplePlan().actions.find((a) => a.ref === 'A2');
    if (!a2) throw new Error('A2 is in the sample');
    const approved: RevisionRequest = {
      ...request,
      ref: 'A2',
      fromDue: null,
      planDates: { due: null, revisedDue: null },
      decision: {
        outcome: 'approved',
        by: 'cd@council.example',
        at: '2021-03-02T09:00:00.000Z',
        reason: null,
      },
    };
    const tick = {
      programmeId: 'wsoa',
      ref: 'A2',
      letter: 'a',
      doneOn: '2021-03-01',
      by: 'sles@council.example',
      at: '2021-03-01T10:00:00.000Z',
      periodId: 'Apr 2021',
    };
    const card = renderActionDetailCard({
      action: { ...a2, revisedDue: '2021-09-30' },
      workstreamName: 'Records and oversight',
      overdue: false,
      ratings: [],
      latestNotes: [],
      revision: revisionSummary(a2, [approved]),
      waiting: null,
      steps: stepProgress(a2, [tick], '2021-03-01'),
    });
    const json = text(card);
    expect(json).toContain(
      '3 steps revised by the board: c) 31 Jan 2020 → 31 Jan 2021; e) 31 Aug 2020 → 31 Aug 2021; f) 29 Feb 2020 → 31 Jan 2021',
    );
    expect(json).toContain('Original due none · current due 30 Sept 2021 · revised 1 time');
    expect(json).toContain('agreed by cd@council.example on 2 Mar 2021');
    expect(json).toContain('1 of 9 steps done · late: b), c), d), f), g), h), i)');
    expect(json).toContain('done 1 Mar 2021');
  });
});
