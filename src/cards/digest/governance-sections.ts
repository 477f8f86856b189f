import type { GovernanceDigest } from '../../domain/governance-digest.js';
import type { PeopleNames } from '../../domain/people-names.js';
import type { WorkstreamSignOffState } from '../../domain/sign-off.js';
import { dayOf, fromTo } from '../governance-words.js';
import { clip, section, type DigestLimits, type DigestSection } from './digest-section.js';

/**
 * What the board governs beside the ratings: dates it revised since it last met, requests
 * still waiting for a decision, steps done and late, and (when the programme uses it) each
 * workstream's sign-off with its open queries. Cut to fit as the digest's other lists are.
 */
export function governanceSections(
  governance: GovernanceDigest,
  names: PeopleNames,
  limits: DigestLimits,
): DigestSection[] {
  return [
    revisedSection(governance, names, limits),
    waitingSection(governance, names, limits),
    stepsSection(governance, limits),
    ...(governance.signOff === null ? [] : [signOffSection(governance.signOff, names, limits)]),
  ];
}

function revisedSection(
  governance: GovernanceDigest,
  names: PeopleNames,
  limits: DigestLimits,
): DigestSection {
  return section(
    'Dates revised since the last board',
    'No due date was revised since the last board.',
    governance.revised,
    (r) => ({
      text: `${r.ref}: ${fromTo(r.from, r.to)}, decided by ${names.person(r.decidedBy)} on ${dayOf(r.decidedAt)}`,
      detail: '',
    }),
    limits,
  );
}

function waitingSection(
  governance: GovernanceDigest,
  names: PeopleNames,
  limits: DigestLimits,
): DigestSection {
  return section(
    'Waiting for a decision',
    'No request for a later date is waiting.',
    governance.waiting,
    (w) => ({
      text: `${w.ref}: ${fromTo(w.from, w.to)}, asked by ${names.person(w.askedBy)} on ${dayOf(w.askedAt)}`,
      detail: '',
    }),
    limits,
  );
}

/** Actions with late steps first: those are what a board asks about. */
function stepsSection(governance: GovernanceDigest, limits: DigestLimits): DigestSection {
  const ordered = [...governance.steps].sort(
    (a, b) => Number(b.late.length > 0) - Number(a.late.length > 0),
  );
  const late = governance.steps.filter((s) => s.late.length > 0).length;
  const list = section(
    'Steps done and late',
    'No action in this digest has steps.',
    ordered,
    (s) => ({
      text: `${s.ref}: ${s.done} of ${s.total} steps done${
        s.late.length === 0 ? '' : `; late: ${s.late.map((letter) => `${letter})`).join(', ')}`
      }`,
      detail: '',
    }),
    limits,
  );
  const actions = ordered.length === 1 ? '1 action' : `${ordered.length} actions`;
  return { ...list, heading: `Steps done and late (${actions}; ${late} with late steps)` };
}

function signOffSection(
  states: readonly WorkstreamSignOffState[],
  names: PeopleNames,
  limits: DigestLimits,
): DigestSection {
  const signed = states.filter((s) => s.signedOff !== null).length;
  const list = section(
    'Signed off by workstream leads',
    'No workstream to sign off.',
    states,
    (s) => ({
      text: `${s.workstream}: ${
        s.signedOff
          ? `signed off by ${names.person(s.signedOff.by)} on ${dayOf(s.signedOff.at)}`
          : 'not signed off yet'
      }${openQueries(s.openQueries.length)}`,
      detail: s.openQueries
        .slice(0, limits.itemsPerList)
        .map((q) => `${q.ref} queried: ${clip(q.question, limits.noteLength)}`)
        .join('; '),
    }),
    limits,
  );
  return { ...list, heading: `Signed off by workstream leads (${signed} of ${states.length})` };
}

function openQueries(count: number): string {
  if (count === 0) return '';
  return count === 1 ? '; 1 open query' : `; ${count} open queries`;
}
