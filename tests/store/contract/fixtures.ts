import type { Action } from '../../../src/domain/action.js';
import type { Role } from '../../../src/domain/people.js';
import { DEFAULT_RULES, type Programme, type Workstream } from '../../../src/domain/programme.js';
import type { Rating } from '../../../src/domain/rating.js';
import type { StatusUpdate } from '../../../src/domain/status-update.js';
import type { Plan } from '../../../src/store/plan.repository.js';
import type { Store } from '../../../src/store/store.js';

/** Makes a fresh, empty store for one test. */
export type StoreFactory = () => Promise<Store>;

export function programme(id: string): Programme {
  return {
    id,
    name: `Programme ${id}`,
    timeZone: 'Europe/London',
    periods: [
      { id: 'Oct 2025', closes: '2025-10-31', boardMeeting: '2025-11-12' },
      { id: 'Jan 2026', closes: '2026-01-30', boardMeeting: '2026-02-11' },
    ],
    rules: DEFAULT_RULES,
  };
}

export function workstream(programmeId: string, code: string): Workstream {
  return { programmeId, code, name: `Workstream ${code}`, leadRole: 'LEAD', aim: 'Do better' };
}

export function action(programmeId: string, workstreamCode: string, ref: string): Action {
  return {
    programmeId,
    workstream: workstreamCode,
    ref,
    title: `Action ${ref}`,
    ownerRole: 'ADES',
    contributors: ['DCO'],
    due: '2026-03-31',
    revisedDue: null,
    proposedDue: null,
    outcomes: 'Families say it is better',
    steps: [
      { letter: 'a', title: 'Agree the plan', ownerRole: null, due: 'Ongoing', revisedDue: null },
    ],
    current: null,
  };
}

export function role(programmeId: string, code: string, person: string | null): Role {
  return { programmeId, code, title: `Role ${code}`, person, deputy: null };
}

/** A plan with workstreams and actions given as `{ A: ['A1', 'A2'] }`. */
export function plan(
  programmeId: string,
  actionsByWorkstream: Readonly<Record<string, readonly string[]>>,
  extra: Partial<Omit<Plan, 'programme'>> = {},
): Plan {
  return {
    programme: programme(programmeId),
    workstreams: Object.keys(actionsByWorkstream).map((code) => workstream(programmeId, code)),
    actions: Object.entries(actionsByWorkstream).flatMap(([code, refs]) =>
      refs.map((ref) => action(programmeId, code, ref)),
    ),
    roles: [role(programmeId, 'ADES', 'ades@example.org'), role(programmeId, 'DCO', null)],
    ratings: [],
    ...extra,
  };
}

export function update(
  programmeId: string,
  ref: string,
  fields: {
    readonly id: string;
    readonly rating?: Rating;
    readonly at?: string;
    readonly note?: string;
  },
): StatusUpdate {
  return {
    id: fields.id,
    programmeId,
    ref,
    periodId: 'Jan 2026',
    rating: fields.rating ?? 'Green',
    note: fields.note ?? 'On track',
    evidence: null,
    proposedDue: null,
    rolledOver: false,
    by: 'ades@example.org',
    at: fields.at ?? '2026-01-20T10:00:00.000Z',
    source: 'card',
  };
}

/** Characters Azure refuses in keys, plus our own separator and escape. */
export const AWKWARD = 'x/y\\z#q?p|%\u0001\u007f\u0085 é';
