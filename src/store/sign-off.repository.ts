import type { QueryAnswer, SignOffQuery, WorkstreamSignOff } from '../domain/sign-off.js';

export type RecordSignOffResult =
  | { readonly ok: true }
  /** The workstream was signed off for the period first by someone else; nothing was written. */
  | {
      readonly ok: false;
      readonly code: 'ALREADY_SIGNED_OFF';
      readonly current: WorkstreamSignOff;
    };

export type AnswerQueryResult =
  | { readonly ok: true; readonly query: SignOffQuery }
  | { readonly ok: false; readonly code: 'ALREADY_ANSWERED'; readonly query: SignOffQuery }
  | { readonly ok: false; readonly code: 'QUERY_NOT_FOUND' };

/** Leads' sign-offs of their workstreams, per period, and the queries they raise. */
export interface SignOffRepository {
  /** Records a sign-off with its queries; the first sign-off of a workstream and period stands. */
  record(
    signOff: WorkstreamSignOff,
    queries: readonly SignOffQuery[],
  ): Promise<RecordSignOffResult>;
  /** Every sign-off of one period, by workstream. */
  listForPeriod(programmeId: string, periodId: string): Promise<WorkstreamSignOff[]>;
  /** Every query of a programme, oldest first. One partition query. */
  listQueries(programmeId: string): Promise<SignOffQuery[]>;
  getQuery(programmeId: string, id: string): Promise<SignOffQuery | null>;
  /** Records the owner's answer unless one was recorded first (ETag concurrency). */
  answer(programmeId: string, id: string, answer: QueryAnswer): Promise<AnswerQueryResult>;
}

export function byRaisedAt(a: SignOffQuery, b: SignOffQuery): number {
  const left = `${a.raisedAt}|${a.id}`;
  const right = `${b.raisedAt}|${b.id}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
