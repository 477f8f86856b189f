import { effectiveDue, withAgreedDue, type Action } from './action.js';
import { formatDate } from './dates.js';
import { dueDay, isIsoDate, type DueDate, type IsoDate } from './local-date.js';
import type { Rating } from './rating.js';

/**
 * Revised due dates. An owner asks for a later date with a reason; a decider (the board
 * chair's role, the workstream's lead) approves or declines; the first decision wins. The
 * plan's original date and every request stay on record: who asked, who decided, when, why.
 */

/** Long enough for a paragraph; a card and a table row stay small. */
export const MAX_REASON_LENGTH = 1000;

/** The plan's own dates for an action, as the workbook gave them. */
export interface PlanDates {
  readonly due: DueDate | null;
  readonly revisedDue: DueDate | null;
}

export type RevisionOutcome = 'approved' | 'declined' | 'withdrawn';

export interface RevisionDecision {
  readonly outcome: RevisionOutcome;
  /** Email of who decided; `automatic` for a withdrawal the rules made. */
  readonly by: string;
  /** UTC ISO instant. */
  readonly at: string;
  /** Why: required to decline, given by the rules for a withdrawal, optional to approve. */
  readonly reason: string | null;
}

export interface RevisionRequest {
  /** Unique within the programme. */
  readonly id: string;
  readonly programmeId: string;
  readonly ref: string;
  readonly workstream: string;
  /** Email of the owner (or deputy) who asked. */
  readonly askedBy: string;
  /** UTC ISO instant. */
  readonly askedAt: string;
  readonly reason: string;
  /** The date that counted when the owner asked. */
  readonly fromDue: DueDate | null;
  readonly toDue: IsoDate;
  /**
   * The plan's dates when the owner asked. An approved revision stands while the plan keeps
   * them; a re-imported workbook that changes them overrules it.
   */
  readonly planDates: PlanDates;
  readonly decision: RevisionDecision | null;
}

export type RevisionState = 'waiting' | RevisionOutcome;

export function revisionState(request: Pick<RevisionRequest, 'decision'>): RevisionState {
  return request.decision?.outcome ?? 'waiting';
}

export type RevisionField = 'reason' | 'toDue';

export interface RevisionProblem {
  readonly field: RevisionField;
  /** Says what was wrong and what to do next. */
  readonly message: string;
}

export interface RevisionAsk {
  readonly reason: string;
  /** As typed or chosen, `YYYY-MM-DD`. */
  readonly toDue: string;
  /** The date that counts now (an agreed revision, else the plan's revised, else original). */
  readonly currentDue: DueDate | null;
  readonly rating: Rating | null;
  /** A request for this action still waiting for a decision, if any. */
  readonly waiting: RevisionRequest | null;
}

/** Every problem with a request at once, so the owner can fix them together. */
export function revisionAskProblems(ask: RevisionAsk): RevisionProblem[] {
  const problems: RevisionProblem[] = [];
  const reason = ask.reason.trim();
  if (reason === '') {
    problems.push({
      field: 'reason',
      message: 'Say why a later date is needed: the deciders read the reason before they agree.',
    });
  } else if (reason.length > MAX_REASON_LENGTH) {
    problems.push({
      field: 'reason',
      message: `The reason is ${reason.length} characters long; the most is ${MAX_REASON_LENGTH}. Shorten it, or link to a document.`,
    });
  }
  problems.push(...dateProblems(ask));
  return problems;
}

function dateProblems(ask: RevisionAsk): RevisionProblem[] {
  const text = ask.toDue.trim();
  // Kept apart from `text`, which the date check below narrows.
  const asTyped: string = text;
  if (ask.rating === 'Blue') {
    return [
      { field: 'toDue', message: 'This action is Blue (completed): it needs no later date.' },
    ];
  }
  if (ask.waiting) {
    const { toDue, askedAt } = ask.waiting;
    return [
      {
        field: 'toDue',
        message: `A later date (${formatDate(toDue)}) asked for on ${formatDate(askedAt.slice(0, 10))} is still waiting for a decision. Wait for it, then ask again if needed.`,
      },
    ];
  }
  if (text === '') {
    return [{ field: 'toDue', message: 'Give the later date you are asking for.' }];
  }
  if (!isIsoDate(text)) {
    return [
      {
        field: 'toDue',
        message: `"${asTyped}" is not a date. Give it as year-month-day, for example 2021-03-31.`,
      },
    ];
  }
  const due = dueDay(ask.currentDue);
  if (due !== undefined && text <= due) {
    return [
      {
        field: 'toDue',
        message: `The new date must be later than the current due date (${formatDate(due)}).`,
      },
    ];
  }
  return [];
}

export type DecideFailure =
  /** Someone decided first; their decision stands and is returned. */
  | { readonly code: 'ALREADY_DECIDED'; readonly decision: RevisionDecision }
  | { readonly code: 'REASON_REQUIRED' }
  | { readonly code: 'NOT_DECIDER' }
  /** Owners do not approve their own deadlines. */
  | { readonly code: 'OWN_REQUEST' };

export interface DecisionDraft {
  readonly outcome: 'approved' | 'declined';
  readonly by: string;
  readonly at: string;
  readonly reason: string | null;
  /** Whether `by` holds one of the roles that decide for this action's workstream. */
  readonly byDecider: boolean;
  /** The action's plan dates now; null when the plan no longer has the action. */
  readonly planNow: PlanDates | null;
}

/** The request as decided, or why the decision cannot be taken. */
export function decideRevision(
  request: RevisionRequest,
  draft: DecisionDraft,
):
  | { readonly ok: true; readonly request: RevisionRequest }
  | ({ readonly ok: false } & DecideFailure) {
  if (request.decision) return { ok: false, code: 'ALREADY_DECIDED', decision: request.decision };
  if (!draft.byDecider) return { ok: false, code: 'NOT_DECIDER' };
  if (sameEmail(draft.by, request.askedBy)) return { ok: false, code: 'OWN_REQUEST' };
  const reason = draft.reason?.trim() ?? '';
  if (draft.outcome === 'declined' && reason === '') return { ok: false, code: 'REASON_REQUIRED' };
  const gone = planMovedOn(request, draft.planNow);
  if (draft.outcome === 'approved' && gone !== null) {
    const decision = { outcome: 'withdrawn', by: AUTOMATIC, at: draft.at, reason: gone } as const;
    return { ok: true, request: { ...request, decision } };
  }
  const decision: RevisionDecision = {
    outcome: draft.outcome,
    by: draft.by,
    at: draft.at,
    reason: reason === '' ? null : reason,
  };
  return { ok: true, request: { ...request, decision } };
}

export const AUTOMATIC = 'automatic';

/**
 * Why approving this request would change nothing, or null: an approval counts only while
 * the plan keeps the dates it was asked against (see {@link stillAgreed}), so one asked
 * before a workbook that moved the action's dates, or removed the action, is withdrawn
 * rather than approved.
 */
function planMovedOn(request: RevisionRequest, planNow: PlanDates | null): string | null {
  if (planNow === null) {
    return `a workbook imported after this was asked removed ${request.ref} from the plan.`;
  }
  if (samePlanDates(request.planDates, planNow)) return null;
  const due = dueDay(effectiveDue(planNow));
  const now = due === undefined ? 'it has no fixed date now' : `it is now due ${formatDate(due)}`;
  return `a workbook imported after this was asked changed ${request.ref}'s dates in the plan, and ${now}. The owner can ask again if a later date is still needed.`;
}

/** Requests to withdraw because the action was rated Blue: a completed action needs no date. */
export function withdrawnOnBlue(
  requests: readonly RevisionRequest[],
  rating: Rating,
  at: string,
): RevisionRequest[] {
  if (rating !== 'Blue') return [];
  return requests
    .filter((r) => r.decision === null)
    .map((r) => ({
      ...r,
      decision: {
        outcome: 'withdrawn',
        by: AUTOMATIC,
        at,
        reason: 'The action was rated Blue (completed), so it needs no later date.',
      },
    }));
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether two sets of plan dates are the same: what an approval's standing turns on. */
export function samePlanDates(a: PlanDates, b: PlanDates): boolean {
  return a.due === b.due && a.revisedDue === b.revisedDue;
}

function byDecisionTime(a: RevisionRequest, b: RevisionRequest): number {
  const left = a.decision?.at ?? a.askedAt;
  const right = b.decision?.at ?? b.askedAt;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Whether an approved request still counts for an action with these plan dates: it was agreed
 * against the plan's dates, so a re-imported workbook that changes them overrules it.
 */
export function stillAgreed(request: RevisionRequest, planDates: PlanDates): boolean {
  return request.decision?.outcome === 'approved' && samePlanDates(request.planDates, planDates);
}

/** Approved requests still in force for an action with these plan dates, oldest first. */
export function agreedRevisions(
  planDates: PlanDates,
  requests: readonly RevisionRequest[],
): RevisionRequest[] {
  return requests.filter((r) => stillAgreed(r, planDates)).sort(byDecisionTime);
}

/**
 * The action as readers should see it: its revised due date is the latest agreed revision
 * (the plan's original stays in `due`), and a request still waiting shows as proposed. The
 * requests decide, so the date the action's record kept (`agreedDue`) is set aside.
 */
export function withRevisions(action: Action, requests: readonly RevisionRequest[]): Action {
  const own = requests.filter((r) => r.ref.toUpperCase() === action.ref.toUpperCase());
  const agreed = agreedRevisions(action, own).at(-1);
  const waiting = own.find((r) => r.decision === null);
  return withAgreedDue(
    {
      ...action,
      revisedDue: agreed?.toDue ?? action.revisedDue,
      proposedDue: waiting?.toDue ?? null,
    },
    null,
  );
}

/** One change of an action's due date, from the plan or from an agreed request. */
export interface RevisionEntry {
  readonly from: DueDate | null;
  readonly to: DueDate;
  /** `plan` for a revised date the workbook carried; otherwise the agreed request. */
  readonly source: 'plan' | 'request';
  readonly request: RevisionRequest | null;
}

export interface RevisionSummary {
  /** The plan's original due date. */
  readonly original: DueDate | null;
  /** The date that counts now. */
  readonly current: DueDate | null;
  readonly timesRevised: number;
  readonly entries: readonly RevisionEntry[];
  /** Steps whose dates the plan revised: "c) Jan 2020 → Jan 2021". */
  readonly stepRevisions: readonly {
    readonly letter: string;
    readonly from: DueDate | null;
    readonly to: DueDate;
  }[];
}

/** The original, the current date and every revision between them, for a card or a report. */
export function revisionSummary(
  action: Pick<Action, 'ref' | 'due' | 'revisedDue' | 'steps'>,
  requests: readonly RevisionRequest[],
): RevisionSummary {
  const own = requests.filter((r) => r.ref.toUpperCase() === action.ref.toUpperCase());
  const entries: RevisionEntry[] = [];
  if (action.revisedDue !== null && action.revisedDue !== action.due) {
    entries.push({ from: action.due, to: action.revisedDue, source: 'plan', request: null });
  }
  for (const request of agreedRevisions(action, own)) {
    entries.push({ from: request.fromDue, to: request.toDue, source: 'request', request });
  }
  const stepRevisions = action.steps.flatMap((step) =>
    step.revisedDue !== null && step.revisedDue !== step.due
      ? [{ letter: step.letter, from: step.due, to: step.revisedDue }]
      : [],
  );
  return {
    original: action.due,
    current: entries.at(-1)?.to ?? effectiveDue(action),
    timesRevised: entries.length,
    entries,
    stepRevisions,
  };
}

/** An agreed revision a re-imported workbook overrules because it changes the action's dates. */
export interface OverruledRevision {
  readonly ref: string;
  readonly agreed: RevisionRequest;
  readonly workbook: PlanDates;
}

/**
 * What a re-import does to agreed revisions: one that still matches the action's dates in
 * the workbook stands; one whose action's dates the workbook changes is overruled by it.
 */
export function overruledRevisions(
  before: readonly Pick<Action, 'ref' | 'due' | 'revisedDue'>[],
  after: readonly Pick<Action, 'ref' | 'due' | 'revisedDue'>[],
  requests: readonly RevisionRequest[],
): OverruledRevision[] {
  const next = new Map(after.map((a) => [a.ref.toUpperCase(), a]));
  return before.flatMap((action) => {
    const fresh = next.get(action.ref.toUpperCase());
    const own = requests.filter((r) => r.ref.toUpperCase() === action.ref.toUpperCase());
    const agreed = agreedRevisions(action, own).at(-1);
    if (!fresh || !agreed || samePlanDates(action, fresh)) return [];
    return [
      { ref: action.ref, agreed, workbook: { due: fresh.due, revisedDue: fresh.revisedDue } },
    ];
  });
}

/** Approved in the window (UTC instants, `from` exclusive, `to` inclusive), oldest first. */
export function revisedBetween(
  requests: readonly RevisionRequest[],
  from: string | null,
  to: string,
): RevisionRequest[] {
  return requests
    .filter((r) => {
      const at = r.decision?.outcome === 'approved' ? r.decision.at : null;
      return at !== null && (from === null || at > from) && at <= to;
    })
    .sort(byDecisionTime);
}

/** Requests no one has decided yet, oldest first: "Waiting for a decision". */
export function waitingRequests(requests: readonly RevisionRequest[]): RevisionRequest[] {
  return requests.filter((r) => r.decision === null).sort(byDecisionTime);
}
