import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import { formatDate } from '../domain/dates.js';
import { ONGOING, type DueDate } from '../domain/local-date.js';
import type { RevisionDecision, RevisionRequest } from '../domain/revision.js';

/** "31 Jul 2020", "Ongoing" or "none": a due date as a fact, not a sentence. */
export function dateWord(due: DueDate | null): string {
  if (due === null) return 'none';
  return due === ONGOING ? ONGOING : formatDate(due);
}

/** "2 Mar 2021": the day of a UTC instant. */
export function dayOf(instant: string): string {
  return formatDate(instant.slice(0, 10));
}

/** "Approved by cd@council.example on 2 Mar 2021." and its reason, for the deciders and the owner. */
export function decisionSentence(
  request: RevisionRequest,
  decision: RevisionDecision,
  names: PeopleNames = NO_NAMES,
): string {
  const reason = decision.reason ? `: ${decision.reason}` : '.';
  switch (decision.outcome) {
    case 'approved':
      return `Approved by ${names.person(decision.by)} on ${dayOf(decision.at)}. ${request.ref} is now due ${dateWord(request.toDue)}${decision.reason ? ` (${decision.reason})` : ''}.`;
    case 'declined':
      return `Declined by ${names.person(decision.by)} on ${dayOf(decision.at)}${reason}`;
    case 'withdrawn':
      return `Withdrawn on ${dayOf(decision.at)}${reason}`;
  }
}

/** "31 Jul 2020 → 30 Sept 2021". */
export function fromTo(from: DueDate | null, to: DueDate): string {
  return `${dateWord(from)} → ${dateWord(to)}`;
}
