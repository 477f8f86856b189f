import { normaliseEmail } from '../../domain/people.js';
import type { RoleRepository } from '../../store/role.repository.js';

/** Someone acting in a programme: their email (from Teams) and whether they are an admin. */
export interface Participant {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

/** The role codes (upper case) this person holds or deputises for in one programme. */
export async function heldRoles(
  roles: Pick<RoleRepository, 'rolesOf'>,
  programmeId: string,
  email: string | null,
): Promise<string[]> {
  if (email === null) return [];
  const held = await roles.rolesOf(normaliseEmail(email));
  return held
    .filter((r) => r.programmeId.toUpperCase() === programmeId.toUpperCase())
    .map((r) => r.role.toUpperCase());
}

/**
 * Who to tell for each role: its person, or its deputy when the role has no person. Each
 * email once, in the order of the roles, leaving out `except` (the person acting).
 */
export async function emailsOfRoles(
  roles: Pick<RoleRepository, 'get'>,
  programmeId: string,
  codes: readonly string[],
  except: string | null = null,
): Promise<string[]> {
  const emails: string[] = [];
  for (const code of codes) {
    const role = await roles.get(programmeId, code);
    const email = role?.person ?? role?.deputy ?? null;
    if (email !== null) emails.push(email);
  }
  const skip = except === null ? null : normaliseEmail(except);
  return [...new Set(emails)].filter((email) => email !== skip);
}
