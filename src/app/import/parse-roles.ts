import { normaliseEmail, type Role } from '../../domain/people.js';
import type { BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem, type ProblemPlace } from './import-problem.js';
import { checkLength } from './text-limits.js';

type RoleColumn = 'role' | 'title' | 'person' | 'deputy';

/** Roles by upper-cased code, so owners written "ades" still find "ADES". */
export type RoleIndex = ReadonlyMap<string, Role>;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Reads an email or UPN as people paste it: a `mailto:` link or any case is fine. */
export function readEmail(text: string): string | undefined {
  const bare = text.replace(/^mailto:/i, '').trim();
  return EMAIL.test(bare) ? normaliseEmail(bare) : undefined;
}

export function parseRoles(
  sheet: BoundSheet<RoleColumn>,
  programmeId: string,
  problems: ImportProblem[],
): RoleIndex {
  const roles = new Map<string, Role>();
  const firstRow = new Map<string, number>();
  for (const row of sheet.rows) {
    const code = row.get('role');
    if (code === '') {
      problems.push(problemAt(row.place('role'), 'MISSING_VALUE'));
      continue;
    }
    const key = code.toUpperCase();
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problems.push(problemAt(row.place('role'), 'DUPLICATE_ROLE', code, { firstRow: earlier }));
      continue;
    }
    firstRow.set(key, row.number);
    const person = optionalEmail(row.get('person'), row.place('person'), problems);
    const deputy = optionalEmail(row.get('deputy'), row.place('deputy'), problems);
    const title = row.get('title');
    checkLength(title, row.place('title'), problems);
    roles.set(key, { programmeId, code, title, person, deputy });
  }
  return roles;
}

/** A blank person leaves the role vacant, which is allowed; a name instead of an email is not. */
function optionalEmail(
  text: string,
  place: ProblemPlace,
  problems: ImportProblem[],
): string | null {
  if (text === '') return null;
  const email = readEmail(text);
  if (email === undefined) problems.push(problemAt(place, 'NOT_AN_EMAIL', text));
  return email ?? null;
}
