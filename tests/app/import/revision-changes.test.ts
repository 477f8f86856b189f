import { describe, expect, it } from 'vitest';
import { revisionChangeLine, revisionChanges } from '../../../src/app/import/revision-changes.js';
import type { Action } from '../../../src/domain/action.js';
import type { RevisionRequest } from '../../../src/domain/revision.js';
import { loadSamplePlan } from '../../support/sample-plan.js';

const actions = loadSamplePlan().actions;
const c2 = actions.find((a) => a.ref === 'C2') as Action;

const agreed: RevisionRequest = {
  id: 'r1',
  programmeId: 'wsoa',
  ref: 'C2',
  workstream: 'C',
  askedBy: 'slsesend@council.example',
  askedAt: '2021-01-11T09:00:00.000Z',
  reason: 'Backlog of annual reviews',
  fromDue: c2.due,
  toDue: '2021-07-31',
  planDates: { due: c2.due, revisedDue: c2.revisedDue },
  decision: {
    outcome: 'approved',
    by: 'cd@council.example',
    at: '2021-01-12T15:00:00.000Z',
    reason: null,
  },
};

describe('agreed revisions on a re-import', () => {
  it('keeps them when the workbook leaves the action’s dates alone', () => {
    expect(revisionChanges(actions, actions, [agreed])).toEqual([]);
  });

  it('says, action by action, which ones the workbook’s new dates overrule', () => {
    const next = actions.map((a) => (a.ref === 'C2' ? { ...a, revisedDue: '2021-09-30' } : a));
    const changes = revisionChanges(actions, next, [agreed]);
    expect(changes.map(revisionChangeLine)).toEqual([
      "C2: the workbook changes its dates, so the revised date agreed by cd@council.example on 12 Jan 2021 (31 Jul 2021) gives way to the workbook's (30 Sept 2021).",
    ]);
  });
});
