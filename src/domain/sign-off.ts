import { NOT_RATED, type Rating, type RatingOrNotRated } from './rating.js';

/**
 * Sign-off before the board (optional per programme). When a period closes, each
 * workstream lead reads every action's rating and note for the period and agrees or queries
 * each one; a query goes to the action's owner, who revises their update or replies.
 */

/** Long enough for a question or an answer; a card and a table row stay small. */
export const MAX_SIGN_OFF_NOTE_LENGTH = 1000;

export type SignOffVerdict = 'agree' | 'query';

export interface SignOffItem {
  readonly ref: string;
  /** The rating the lead saw. */
  readonly rating: RatingOrNotRated;
  readonly verdict: SignOffVerdict;
  /** Required with a query: what the lead asks. */
  readonly note: string | null;
}

/** One lead's sign-off of one workstream for one period; the first one made stands. */
export interface WorkstreamSignOff {
  readonly programmeId: string;
  readonly workstream: string;
  readonly periodId: string;
  /** Email of the lead (or their deputy). */
  readonly by: string;
  /** UTC ISO instant. */
  readonly at: string;
  readonly items: readonly SignOffItem[];
}

export interface QueryAnswer {
  readonly by: string;
  readonly at: string;
  readonly text: string;
  /** True when the owner answered by revising their update. */
  readonly revised: boolean;
}

/** A lead's question about one action's rating, waiting for its owner's answer. */
export interface SignOffQuery {
  /** Unique within the programme: `periodId|workstream|ref` (one query per action and period). */
  readonly id: string;
  readonly programmeId: string;
  readonly workstream: string;
  readonly periodId: string;
  readonly ref: string;
  readonly raisedBy: string;
  readonly raisedAt: string;
  readonly question: string;
  readonly rating: RatingOrNotRated;
  readonly answer: QueryAnswer | null;
}

export function queryId(periodId: string, workstream: string, ref: string): string {
  return `${periodId}|${workstream.toUpperCase()}|${ref.toUpperCase()}`;
}

/**
 * A rating that falls in a way a lead must see before the board: from Blue (completed) to
 * anything else, or from Green (on track) to Amber or Red.
 */
export function isFallingRating(previous: Rating | null, current: Rating | null): boolean {
  if (previous === null || current === null || previous === current) return false;
  if (previous === 'Blue') return true;
  return previous === 'Green' && (current === 'Amber' || current === 'Red');
}

/** One line of a lead's sign-off card. */
export interface SignOffLine {
  readonly ref: string;
  readonly title: string;
  readonly rating: RatingOrNotRated;
  readonly note: string;
  readonly previous: Rating | null;
  readonly falling: boolean;
}

export function signOffLines(
  actions: readonly {
    readonly ref: string;
    readonly title: string;
    readonly rating: Rating | null;
    readonly note: string;
    readonly previous: Rating | null;
  }[],
): SignOffLine[] {
  return actions.map((a) => ({
    ref: a.ref,
    title: a.title,
    rating: a.rating ?? NOT_RATED,
    note: a.note,
    previous: a.previous,
    falling: isFallingRating(a.previous, a.rating),
  }));
}

export interface SignOffProblem {
  /** The action the problem is about; null for the sign-off as a whole. */
  readonly ref: string | null;
  readonly message: string;
}

/** What the lead chose in the card, before it is trusted. */
export interface SignOffDraft {
  readonly ref: string;
  readonly verdict: string | null;
  readonly note: string;
}

/**
 * Checks a lead's answers: every action of the workstream needs Agree or Query, a query
 * needs a note (what the lead asks), and no action outside the workstream may be answered.
 */
export function signOffProblems(
  lines: readonly Pick<SignOffLine, 'ref'>[],
  drafts: readonly SignOffDraft[],
): SignOffProblem[] {
  const problems: SignOffProblem[] = [];
  const known = new Set(lines.map((l) => l.ref.toUpperCase()));
  for (const draft of drafts) {
    if (!known.has(draft.ref.toUpperCase())) {
      problems.push({
        ref: draft.ref,
        message: `${draft.ref} is not an action of this workstream.`,
      });
    }
  }
  for (const line of lines) {
    const draft = drafts.find((d) => d.ref.toUpperCase() === line.ref.toUpperCase());
    const note = draft?.note.trim() ?? '';
    if (draft?.verdict !== 'agree' && draft?.verdict !== 'query') {
      problems.push({ ref: line.ref, message: `Choose Agree or Query for ${line.ref}.` });
    } else if (draft.verdict === 'query' && note === '') {
      problems.push({
        ref: line.ref,
        message: `Say what you are asking about ${line.ref}: its owner answers the query.`,
      });
    } else if (note.length > MAX_SIGN_OFF_NOTE_LENGTH) {
      problems.push({
        ref: line.ref,
        message: `The note on ${line.ref} is ${note.length} characters long; the most is ${MAX_SIGN_OFF_NOTE_LENGTH}.`,
      });
    }
  }
  return problems;
}

/** The sign-off the lead made, and a query for each action they queried. */
export function signOffFrom(
  base: Pick<WorkstreamSignOff, 'programmeId' | 'workstream' | 'periodId' | 'by' | 'at'>,
  lines: readonly SignOffLine[],
  drafts: readonly SignOffDraft[],
): { readonly signOff: WorkstreamSignOff; readonly queries: SignOffQuery[] } {
  const items = lines.map((line): SignOffItem => {
    const draft = drafts.find((d) => d.ref.toUpperCase() === line.ref.toUpperCase());
    const note = draft?.note.trim() ?? '';
    return {
      ref: line.ref,
      rating: line.rating,
      verdict: draft?.verdict === 'query' ? 'query' : 'agree',
      note: note === '' ? null : note,
    };
  });
  const queries = items
    .filter((item) => item.verdict === 'query')
    .map((item): SignOffQuery => ({
      id: queryId(base.periodId, base.workstream, item.ref),
      programmeId: base.programmeId,
      workstream: base.workstream,
      periodId: base.periodId,
      ref: item.ref,
      raisedBy: base.by,
      raisedAt: base.at,
      question: item.note ?? '',
      rating: item.rating,
      answer: null,
    }));
  return { signOff: { ...base, items }, queries };
}

export type AnswerFailure =
  | { readonly code: 'ALREADY_ANSWERED'; readonly answer: QueryAnswer }
  | { readonly code: 'ANSWER_REQUIRED' }
  | { readonly code: 'NOT_OWNER' };

/** The query as answered by its action's owner, or why it cannot be. */
export function answerQuery(
  query: SignOffQuery,
  answer: QueryAnswer,
  byOwner: boolean,
): { readonly ok: true; readonly query: SignOffQuery } | ({ readonly ok: false } & AnswerFailure) {
  if (query.answer) return { ok: false, code: 'ALREADY_ANSWERED', answer: query.answer };
  if (!byOwner) return { ok: false, code: 'NOT_OWNER' };
  const text = answer.text.trim();
  if (text === '' && !answer.revised) return { ok: false, code: 'ANSWER_REQUIRED' };
  return { ok: true, query: { ...query, answer: { ...answer, text } } };
}

export interface WorkstreamSignOffState {
  readonly workstream: string;
  readonly signedOff: Pick<WorkstreamSignOff, 'by' | 'at'> | null;
  readonly openQueries: readonly SignOffQuery[];
}

/** Per workstream, whether its lead has signed the period off and which queries are open. */
export function signOffStates(
  workstreams: readonly string[],
  periodId: string,
  signOffs: readonly WorkstreamSignOff[],
  queries: readonly SignOffQuery[],
): WorkstreamSignOffState[] {
  return workstreams.map((workstream) => {
    const code = workstream.toUpperCase();
    const signOff = signOffs.find(
      (s) => s.periodId === periodId && s.workstream.toUpperCase() === code,
    );
    return {
      workstream,
      signedOff: signOff ? { by: signOff.by, at: signOff.at } : null,
      openQueries: queries.filter(
        (q) => q.periodId === periodId && q.workstream.toUpperCase() === code && !q.answer,
      ),
    };
  });
}
