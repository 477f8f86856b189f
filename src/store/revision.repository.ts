import type { RevisionDecision, RevisionRequest } from '../domain/revision.js';

export type AskResult =
  | { readonly ok: true }
  /** The action already has a request waiting; nothing was written. */
  | { readonly ok: false; readonly code: 'REQUEST_WAITING'; readonly waiting: RevisionRequest };

export type DecideResult =
  | { readonly ok: true; readonly request: RevisionRequest }
  /** Someone decided first; their decision stands and comes back here. */
  | { readonly ok: false; readonly code: 'ALREADY_DECIDED'; readonly request: RevisionRequest }
  | { readonly ok: false; readonly code: 'REQUEST_NOT_FOUND' };

/** Requests for revised due dates and their decisions. Nothing is ever deleted. */
export interface RevisionRepository {
  /** Records a new request, unless the action has one waiting for a decision. */
  ask(request: RevisionRequest): Promise<AskResult>;
  get(programmeId: string, id: string): Promise<RevisionRequest | null>;
  /** One action's requests, oldest first. */
  listForAction(programmeId: string, ref: string): Promise<RevisionRequest[]>;
  /** Every request of a programme, oldest first. One partition query. */
  listForProgramme(programmeId: string): Promise<RevisionRequest[]>;
  /**
   * Records the decision only if no decision was recorded first (ETag concurrency): of two
   * deciders pressing at once, one wins and the other is told what was decided.
   */
  decide(programmeId: string, id: string, decision: RevisionDecision): Promise<DecideResult>;
}

/** Oldest first, by when asked, then id, so every store lists in the same order. */
export function byAskedAt(a: RevisionRequest, b: RevisionRequest): number {
  const left = `${a.askedAt}|${a.id}`;
  const right = `${b.askedAt}|${b.id}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
