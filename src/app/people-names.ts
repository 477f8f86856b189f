import { peopleNamesOf, type PeopleNames } from '../domain/people-names.js';
import type { Role } from '../domain/people.js';
import type { PersonRepository, RoleRepository } from '../store/role.repository.js';
import type { Clock } from './clock.js';
import { keptFor } from './kept-for.js';

/**
 * People as colleagues know them, for one programme's cards: the Roles sheet's job titles and
 * the names Teams gave the roles' holders (a point read each, side by side). Without a
 * people port, by job title alone.
 */
export async function loadPeopleNames(
  roles: readonly Role[],
  people: Pick<PersonRepository, 'get'> | undefined,
): Promise<PeopleNames> {
  if (!people) return peopleNamesOf(roles, []);
  const emails = roles.flatMap((role) => [role.person, role.deputy]).filter((e) => e !== null);
  const known = await Promise.all([...new Set(emails)].map((email) => people.get(email)));
  return peopleNamesOf(
    roles,
    known.filter((person) => person !== null),
  );
}

export interface PeopleNamesReader {
  /** By Teams' names and job titles: one read of the roles, then one per holder. */
  of(programmeId: string): Promise<PeopleNames>;
  /**
   * By job title alone, from one read of the roles: for replies to chat commands, whose
   * storage requests are budgeted (a person is still named by the title of the role they hold).
   */
  titles(programmeId: string): Promise<PeopleNames>;
}

/** Names change rarely; a burst of cards for one programme reads them once. */
const KEEP_MS = 60_000;

export function createPeopleNamesReader(options: {
  readonly roles: Pick<RoleRepository, 'list'>;
  readonly people: Pick<PersonRepository, 'get'>;
  readonly clock: Clock;
}): PeopleNamesReader {
  const of = keptFor(KEEP_MS, options.clock, async (programmeId) =>
    loadPeopleNames(await options.roles.list(programmeId), options.people),
  );
  const titles = keptFor(KEEP_MS, options.clock, async (programmeId) =>
    loadPeopleNames(await options.roles.list(programmeId), undefined),
  );
  return { of, titles };
}
