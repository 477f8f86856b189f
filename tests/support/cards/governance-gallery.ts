import type { RenderedCard } from '../../../src/cards/render-template.js';
import { renderPendingCard } from '../../../src/cards/pending.card.js';
import { renderRevisionRequestCard } from '../../../src/cards/revision-request.card.js';
import { renderSignOffQueryCard } from '../../../src/cards/sign-off-query.card.js';
import { renderSignOffCard } from '../../../src/cards/sign-off.card.js';
import type { Action } from '../../../src/domain/action.js';
import type { IsoDate } from '../../../src/domain/local-date.js';
import { isRating, type Rating } from '../../../src/domain/rating.js';
import { revisionSummary, type RevisionRequest } from '../../../src/domain/revision.js';
import { signOffLines } from '../../../src/domain/sign-off.js';
import type { SamplePlan } from '../sample-plan.js';

interface GovernanceCard {
  readonly template: string;
  readonly variant: string | null;
  readonly card: RenderedCard;
}

/**
 * The governance cards on the sample plan: SLSESEND asks to move C2 from 31 Dec 2020 to
 * 30 Sept 2021 (waiting, then approved), the chair's /pending list, workstream A's lead
 * signing off January's ratings, and the lead's query on A2 to its owner.
 */
export function governanceCards(plan: SamplePlan, today: IsoDate): GovernanceCard[] {
  const c2 = actionOf(plan, 'C2');
  const request: RevisionRequest = {
    id: 'r1',
    programmeId: plan.programme.id,
    ref: c2.ref,
    workstream: c2.workstream,
    askedBy: 'slsesend@council.example',
    askedAt: `${today}T10:00:00.000Z`,
    reason: 'The backlog of annual reviews after the school closures needs another two terms.',
    fromDue: c2.revisedDue ?? c2.due,
    toDue: '2021-09-30',
    planDates: { due: c2.due, revisedDue: c2.revisedDue },
    decision: null,
  };
  const approved: RevisionRequest = {
    ...request,
    decision: {
      outcome: 'approved',
      by: 'cd@council.example',
      at: `${today}T15:00:00.000Z`,
      reason: null,
    },
  };
  const ratingIn = (ref: string, periodId: string): Rating | null => {
    const found = plan.updates.find((u) => u.ref === ref && u.periodId === periodId);
    return found && isRating(found.rating) ? found.rating : null;
  };
  const noteIn = (ref: string, periodId: string): string =>
    plan.updates.find((u) => u.ref === ref && u.periodId === periodId)?.note ?? '';
  const inA = plan.actions.filter((a) => a.workstream === 'A');
  const a2 = actionOf(plan, 'A2');
  return [
    {
      template: 'revision-request',
      variant: null,
      card: renderRevisionRequestCard({
        request,
        action: c2,
        summary: revisionSummary(c2, [request]),
      }),
    },
    {
      template: 'revision-request',
      variant: 'decided',
      card: renderRevisionRequestCard({
        request: approved,
        action: c2,
        summary: revisionSummary(c2, [approved]),
      }),
    },
    {
      template: 'pending',
      variant: null,
      card: renderPendingCard({
        programmeName: plan.programme.name,
        requests: [{ request, title: c2.title }],
      }),
    },
    {
      template: 'sign-off',
      variant: null,
      card: renderSignOffCard({
        programmeId: plan.programme.id,
        workstream: { code: 'A', name: workstreamName(plan, 'A') },
        periodId: 'Jan 2021',
        lines: signOffLines(
          inA.map((a) => ({
            ref: a.ref,
            title: a.title,
            rating: ratingIn(a.ref, 'Jan 2021'),
            note: noteIn(a.ref, 'Jan 2021'),
            previous: ratingIn(a.ref, 'Oct 2020'),
          })),
        ),
        signedOff: null,
      }),
    },
    {
      template: 'sign-off-query',
      variant: null,
      card: renderSignOffQueryCard({
        title: a2.title,
        query: {
          id: `Jan 2021|A|A2`,
          programmeId: plan.programme.id,
          workstream: 'A',
          periodId: 'Jan 2021',
          ref: 'A2',
          raisedBy: 'ades@council.example',
          raisedAt: '2021-01-18T10:00:00.000Z',
          question: 'Steps c) to f) were late last time too. Is Amber still right?',
          rating: ratingIn('A2', 'Jan 2021') ?? 'Amber',
          answer: null,
        },
      }),
    },
  ];
}

function actionOf(plan: SamplePlan, ref: string): Action {
  const action = plan.actions.find((a) => a.ref === ref);
  if (!action) throw new Error(`The sample has no action ${ref}.`);
  return action;
}

function workstreamName(plan: SamplePlan, code: string): string {
  const found = plan.workstreams.find((w) => w.code === code);
  if (!found) throw new Error(`The sample has no workstream ${code}.`);
  return found.name;
}
