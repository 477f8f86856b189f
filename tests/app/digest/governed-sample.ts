import type { RevisionRequest } from '../../../src/domain/revision.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { loadSamplePlan } from '../../support/sample-plan.js';

export const CHAIR = 'cd@council.example';

const sampleActions = loadSamplePlan().actions;

/** A request agreed against the action's dates as the sample plan has them. */
export function request(
  id: string,
  ref: string,
  workstream: string,
  from: string,
  to: string,
  askedAt: string,
): RevisionRequest {
  return {
    id,
    programmeId: 'wsoa',
    ref,
    workstream,
    askedBy: 'owner@council.example',
    askedAt,
    reason: 'The provider withdrew; a new one is being commissioned.',
    fromDue: from,
    toDue: to,
    planDates: planDatesOf(ref),
    decision: null,
  };
}

function planDatesOf(ref: string): RevisionRequest['planDates'] {
  const action = sampleActions.find((a) => a.ref === ref);
  if (!action) throw new Error(`The sample plan has no ${ref}`);
  return { due: action.due, revisedDue: action.revisedDue };
}

export async function revise(store: Store, r: RevisionRequest, at: string): Promise<void> {
  await store.revisions.ask(r);
  await store.revisions.decide('wsoa', r.id, { outcome: 'approved', by: CHAIR, at, reason: null });
}

/**
 * The sample plan at the Jan 2021 board (closes 15 Jan, board 27 Jan; the last board met on
 * 4 Nov 2020), with B1 revised twice (once before that board, once after), a request for B4
 * waiting, three of A2's nine steps ticked, and workstream A signed off with a query on A3.
 */
export async function governedSample(signOff: boolean): Promise<Store> {
  const store = createMemoryStore();
  const plan = loadSamplePlan();
  await store.plans.replace({ ...plan, ratings: plan.updates });
  await store.governance.save({ programmeId: 'wsoa', deciders: null, chairRole: 'CD', signOff });
  await revise(
    store,
    request('r1', 'B1', 'B', '2020-09-30', '2020-12-31', '2020-09-01T10:00:00Z'),
    '2020-09-15T10:00:00Z',
  );
  await revise(
    store,
    request('r2', 'B1', 'B', '2020-12-31', '2021-03-31', '2020-11-20T10:00:00Z'),
    '2020-12-01T10:00:00Z',
  );
  await store.revisions.ask(
    request('r3', 'B4', 'B', '2020-08-31', '2021-06-30', '2021-01-20T10:00:00Z'),
  );
  for (const letter of ['a', 'b', 'g']) {
    await store.stepTicks.tick({
      programmeId: 'wsoa',
      ref: 'A2',
      letter,
      doneOn: '2021-01-10',
      by: 'p16sm@council.example',
      at: '2021-01-10T10:00:00Z',
      periodId: 'Jan 2021',
    });
  }
  await store.signOffs.record(
    {
      programmeId: 'wsoa',
      workstream: 'A',
      periodId: 'Jan 2021',
      by: 'ades@council.example',
      at: '2021-01-18T10:00:00Z',
      items: [{ ref: 'A3', rating: 'Amber', verdict: 'query', note: 'Is March still realistic?' }],
    },
    [
      {
        id: 'Jan 2021|A|A3',
        programmeId: 'wsoa',
        workstream: 'A',
        periodId: 'Jan 2021',
        ref: 'A3',
        raisedBy: 'ades@council.example',
        raisedAt: '2021-01-18T10:00:00Z',
        question: 'Is March still realistic?',
        rating: 'Amber',
        answer: null,
      },
    ],
  );
  return store;
}
