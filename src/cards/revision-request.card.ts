import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import type { Action } from '../domain/action.js';
import type { RevisionRequest, RevisionSummary } from '../domain/revision.js';
import { shorten } from './action-line.js';
import { dateWord, dayOf, decisionSentence } from './governance-words.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface RevisionRequestView {
  readonly request: RevisionRequest;
  /** The action as readers see it, with any agreed revision applied. */
  readonly action: Action;
  readonly summary: RevisionSummary;
  /** Why the last press was refused (a decline with no reason), shown above the buttons. */
  readonly problem?: string;
  /** What the decider typed, kept when the card comes back with a problem. */
  readonly declineReason?: string;
  /** People by name and job title; absent, by email. */
  readonly names?: PeopleNames;
}

/** Green text is 2:1 on white in Teams, so an approval is said in words, in the text colour. */
const OUTCOME_COLOUR = {
  approved: 'Default',
  declined: 'Attention',
  withdrawn: 'Default',
} as const;

/**
 * A decider's card: the action, its current and original dates, how often it has been
 * revised, the reason, Approve and Decline. Once decided, the same card shows the outcome
 * and no buttons, which is what a later decider sees.
 */
export function renderRevisionRequestCard(view: RevisionRequestView): RenderedCard {
  const { request, summary } = view;
  const decision = request.decision;
  const names = view.names ?? NO_NAMES;
  return renderTemplate('revision-request', {
    heading: `Later due date asked for: ${request.ref}`,
    title: shorten(view.action.title, 300),
    facts: [
      { title: 'New date asked for', value: dateWord(request.toDue) },
      { title: 'Current due', value: dateWord(request.fromDue) },
      { title: 'Original due', value: dateWord(summary.original) },
      { title: 'Times revised', value: String(summary.timesRevised) },
      { title: 'Asked by', value: `${names.person(request.askedBy)} on ${dayOf(request.askedAt)}` },
      { title: 'Owner', value: names.role(view.action.ownerRole) },
    ],
    reason: shorten(request.reason, 1000),
    outcome: decision ? decisionSentence(request, decision, names) : '',
    outcomeColor: decision ? OUTCOME_COLOUR[decision.outcome] : 'Default',
    problem: view.problem ?? '',
    open: decision === null,
    declineReason: view.declineReason ?? '',
    programmeId: request.programmeId,
    requestId: request.id,
  });
}
