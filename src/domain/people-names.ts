import { normaliseEmail, type Person, type Role } from './people.js';

/**
 * How people are shown: by name and job title, as colleagues know them, not by role code or
 * email. Names come from Teams (a person's display name, once they have talked to the bot),
 * titles from the plan's Roles sheet; the code or email is the last resort.
 */
export interface PeopleNames {
  /** "Sam Jones, Assistant Director Education and Skills", or the title alone. */
  role(code: string): string;
  /** "Sam Jones", else the title of a role they hold, else the email. */
  person(email: string): string;
}

export function peopleNamesOf(roles: readonly Role[], people: readonly Person[]): PeopleNames {
  const names = new Map(
    people
      .filter((p) => p.name !== null && p.name.trim() !== '')
      .map((p) => [p.email, p.name ?? '']),
  );
  const byCode = new Map(roles.map((r) => [r.code.toUpperCase(), r]));
  const held = new Map<string, string>();
  for (const role of roles) {
    if (role.person !== null && !held.has(role.person)) held.set(role.person, role.title);
  }
  return {
    role(code) {
      const role = byCode.get(code.toUpperCase());
      if (!role) return code;
      const name = role.person === null ? undefined : names.get(role.person);
      const title = role.title.trim() === '' ? role.code : role.title;
      return name === undefined ? title : `${name}, ${title}`;
    },
    person(email) {
      const key = normaliseEmail(email);
      return names.get(key) ?? held.get(key) ?? email;
    },
  };
}

/** When nothing is known of anyone: codes and emails as they are. */
export const NO_NAMES: PeopleNames = { role: (code) => code, person: (email) => email };
