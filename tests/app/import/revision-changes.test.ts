import { describe, expect, it } from 'vitest';
import { revisionChanges, revisionEffects } from '../../../src/app/import/revision-changes.js';
import { revisionChangeLine } from '../../../src/cards/import/preview-text.js';
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
      "C2: the workbook sets 30 Sept 2021; the board's revision to 31 Jul 2021, agreed by cd@council.example on 12 Jan 2021, will be replaced.",
    ]);
  });

  it('names the actions whose agreed revisions stay, and not those removed or overruled', () => {
    const b1 = actions.find((a) => a.ref === 'B1') as Action;
    const b1Agreed: RevisionRequest = {
      ...agreed,
      id: 'r2',
      ref: 'B1',
      workstream: 'B',
      planDates: { due: b1.due, revisedDue: b1.revisedDue },
    };
    const next = actions.map((a) => (a.ref === 'C2' ? { ...a, due: '2021-03-31' } : a));
    const effects = revisionEffects(actions, next, [agreed, b1Agreed]);
    expect(effects.overruled.map((c) => [c.ref, c.workbookDue])).toEqual([['C2', '2021-03-31']]);
    expect(effects.kept).toEqual(['B1']);
    const withoutB1 = next.filter((a) => a.ref !== 'B1');
    expect(revisionEffects(actions, withoutB1, [agreed, b1Agreed]).kept).toEqual([]);
  });
});
