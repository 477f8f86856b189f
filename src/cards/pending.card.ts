import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import type { RevisionRequest } from '../domain/revision.js';
import { shorten } from './action-line.js';
import { dayOf, fromTo } from './governance-words.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface PendingView {
  readonly programmeName: string;
  readonly requests: readonly {
    readonly request: RevisionRequest;
    readonly title: string;
  }[];
  /** People by name and job title; absent, by email. */
  readonly names?: PeopleNames;
}

/** Enough to read on a phone and keep the card far inside Teams' message size. */
const SHOWN = 15;

/** `/pending`: the requests waiting for this person's decision, each with a Decide button. */
export function renderPendingCard(view: PendingView): RenderedCard {
  const items = view.requests.slice(0, SHOWN).map(({ request, title }) => ({
    ref: request.ref,
    line: `${request.ref}: ${fromTo(request.fromDue, request.toDue)}`,
    detail: `${shorten(title, 80)} · asked by ${(view.names ?? NO_NAMES).person(request.askedBy)} on ${dayOf(request.askedAt)}`,
    reason: `Reason: ${shorten(request.reason, 200)}`,
    programmeId: request.programmeId,
    requestId: request.id,
  }));
  const more = view.requests.length - items.length;
  return renderTemplate('pending', {
    heading: `Waiting for your decision: ${view.requests.length} · ${view.programmeName}`,
    empty: 'No revised due dates are waiting for your decision.',
    items,
    more: more > 0 ? `And ${more} more; decide these first, then type /pending again.` : '',
  });
}
