import type { Action } from './action.js';
import type { DueDate, IsoDate } from './local-date.js';
import { revisedBetween, stillAgreed, waitingRequests, type RevisionRequest } from './revision.js';
import type { SignOffQuery, WorkstreamSignOff, WorkstreamSignOffState } from './sign-off.js';
import { stepProgress, type StepTick } from './step-completion.js';

/**
 * What a board reads about governance beside the ratings: dates revised since it last met
 * (old → new, who decided), requests still waiting for a decision, steps done and late, and
 * per workstream whether its lead signed the period off, with the queries still open.
 */
export interface GovernanceDigest {
  readonly revised: readonly {
    readonly ref: string;
    readonly from: DueDate | null;
    readonly to: DueDate;
    readonly decidedBy: string;
    readonly decidedAt: string;
  }[];
  readonly waiting: readonly {
    readonly ref: string;
    readonly from: DueDate | null;
    readonly to: DueDate;
    readonly askedBy: string;
    readonly askedAt: string;
  }[];
  readonly steps: readonly {
    readonly ref: string;
    readonly done: number;
    readonly total: number;
    readonly late: readonly string[];
  }[];
  /** Null when the programme does not use sign-off. */
  readonly signOff: readonly WorkstreamSignOffState[] | null;
}

export interface GovernanceDigestInput {
  /**
   * The actions in scope (a workstream's, or all), with the plan's own dates: a revision
   * agreed against dates a re-imported workbook has since changed is overruled, not shown.
   */
  readonly actions: readonly Pick<Action, 'ref' | 'workstream' | 'steps' | 'due' | 'revisedDue'>[];
  readonly requests: readonly RevisionRequest[];
  readonly ticks: readonly StepTick[];
  /** Per workstream in scope; null when sign-off is not used. */
  readonly signOff: readonly WorkstreamSignOffState[] | null;
  /** UTC instant of the last board meeting; null for the first. */
  readonly since: string | null;
  /** UTC instant the digest is as at. */
  readonly asAt: string;
  /** Local date for "late". */
  readonly today: IsoDate;
}

/** Why an approval no longer counts, as a sentence to add to its record; '' while it does. */
function overruledNote(
  request: RevisionRequest,
  action: Pick<Action, 'due' | 'revisedDue'> | undefined,
): string {
  if (request.decision?.outcome !== 'approved') return '';
  if (action === undefined) {
    return `. No longer counts: a later workbook removed ${request.ref} from the plan.`;
  }
  if (stillAgreed(request, action)) return '';
  const now = action.revisedDue ?? action.due ?? 'none';
  return `. No longer counts: a later workbook changed ${request.ref}'s dates in the plan (now ${now}).`;
}

export function governanceDigest(input: GovernanceDigestInput): GovernanceDigest {
  const byRef = new Map(input.actions.map((a) => [a.ref.toUpperCase(), a]));
  const inScope = input.requests.filter((r) => byRef.has(r.ref.toUpperCase()));
  const inForce = inScope.filter((r) => {
    const action = byRef.get(r.ref.toUpperCase());
    return action !== undefined && stillAgreed(r, action);
  });
  return {
    revised: revisedBetween(inForce, input.since, input.asAt).map((r) => ({
      ref: r.ref,
      from: r.fromDue,
      to: r.toDue,
      decidedBy: r.decision?.by ?? '',
      decidedAt: r.decision?.at ?? '',
    })),
    waiting: waitingRequests(inScope).map((r) => ({
      ref: r.ref,
      from: r.fromDue,
      to: r.toDue,
      askedBy: r.askedBy,
      askedAt: r.askedAt,
    })),
    steps: input.actions
      .filter((a) => a.steps.length > 0)
      .map((a) => {
        const progress = stepProgress(a, input.ticks, input.today);
        return {
          ref: a.ref,
          done: progress.done,
          total: progress.total,
          late: progress.late.map((s) => s.step.letter),
        };
      }),
    signOff: input.signOff,
  };
}

/** One line of the exported history of decisions. */
export interface DecisionRecord {
  /** UTC instant. */
  readonly at: string;
  readonly kind: 'revision asked' | 'revision decided' | 'sign-off' | 'query' | 'query answered';
  readonly ref: string;
  readonly workstream: string;
  readonly periodId: string;
  readonly by: string;
  readonly outcome: string;
  readonly detail: string;
}

/**
 * Every decision on record, oldest first: requests and their outcomes, sign-offs, queries. An
 * approval a later workbook overruled (by changing the action's dates in the plan, or
 * removing it) keeps its record, with a note that it no longer counts.
 */
export function decisionRecords(
  requests: readonly RevisionRequest[],
  signOffs: readonly WorkstreamSignOff[],
  queries: readonly SignOffQuery[],
  actions: readonly Pick<Action, 'ref' | 'due' | 'revisedDue'>[],
): DecisionRecord[] {
  const records: DecisionRecord[] = [];
  const byRef = new Map(actions.map((a) => [a.ref.toUpperCase(), a]));
  for (const r of requests) {
    const dates = `${r.fromDue ?? 'none'} → ${r.toDue}`;
    records.push({
      at: r.askedAt,
      kind: 'revision asked',
      ref: r.ref,
      workstream: r.workstream,
      periodId: '',
      by: r.askedBy,
      outcome: 'asked',
      detail: `${dates}: ${r.reason}`,
    });
    if (r.decision) {
      records.push({
        at: r.decision.at,
        kind: 'revision decided',
        ref: r.ref,
        workstream: r.workstream,
        periodId: '',
        by: r.decision.by,
        outcome: r.decision.outcome,
        detail: `${dates}${r.decision.reason ? `: ${r.decision.reason}` : ''}${overruledNote(r, byRef.get(r.ref.toUpperCase()))}`,
      });
    }
  }
  for (const s of signOffs) {
    const queried = s.items.filter((i) => i.verdict === 'query').map((i) => i.ref);
    records.push({
      at: s.at,
      kind: 'sign-off',
      ref: '',
      workstream: s.workstream,
      periodId: s.periodId,
      by: s.by,
      outcome: queried.length === 0 ? 'agreed' : 'agreed with queries',
      detail:
        queried.length === 0
          ? `${s.items.length} ratings agreed`
          : `Queried: ${queried.join(', ')}`,
    });
  }
  for (const q of queries) {
    records.push({
      at: q.raisedAt,
      kind: 'query',
      ref: q.ref,
      workstream: q.workstream,
      periodId: q.periodId,
      by: q.raisedBy,
      outcome: q.rating,
      detail: q.question,
    });
    if (q.answer) {
      records.push({
        at: q.answer.at,
        kind: 'query answered',
        ref: q.ref,
        workstream: q.workstream,
        periodId: q.periodId,
        by: q.answer.by,
        outcome: q.answer.revised ? 'update revised' : 'replied',
        detail: q.answer.text,
      });
    }
  }
  return records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
