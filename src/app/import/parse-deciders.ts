import type { DeciderRule } from '../../domain/deciders.js';
import type { BoundSheet } from './bound-sheet.js';
import type { DecidersColumn } from './deciders-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import type { RoleIndex } from './parse-roles.js';
import type { WorkstreamIndex } from './parse-workstreams.js';

interface Context {
  readonly roles: RoleIndex | null;
  readonly workstreams: WorkstreamIndex | null;
  readonly problems: ImportProblem[];
}

/** "All", "every workstream" or a blank cell mean every workstream. */
const ALL = /^(all|all workstreams|every workstream|everything|\*)$/i;

/**
 * The deciders the sheet names, one rule per role (rows for the same role are merged).
 * A role must be in the Roles sheet, and each workstream code in the Workstreams sheet.
 */
export function parseDeciders(sheet: BoundSheet<DecidersColumn>, context: Context): DeciderRule[] {
  const rules = new Map<string, { role: string; workstreams: 'all' | string[] }>();
  for (const row of sheet.rows) {
    const roleText = row.get('role');
    if (roleText === '') {
      context.problems.push(problemAt(row.place('role'), 'MISSING_VALUE'));
      continue;
    }
    const role = context.roles?.get(roleText.toUpperCase());
    if (context.roles && !role) {
      context.problems.push(problemAt(row.place('role'), 'UNKNOWN_ROLE', roleText));
    }
    const scope = readScope(row.get('workstreams'), (code) => {
      const known = context.workstreams?.get(code.toUpperCase());
      if (context.workstreams && !known) {
        context.problems.push(problemAt(row.place('workstreams'), 'UNKNOWN_WORKSTREAM', code));
      }
      return known?.code ?? code;
    });
    const code = role?.code ?? roleText;
    const earlier = rules.get(code.toUpperCase());
    rules.set(code.toUpperCase(), { role: code, workstreams: merge(earlier?.workstreams, scope) });
  }
  return [...rules.values()];
}

function readScope(text: string, codeOf: (code: string) => string): 'all' | string[] {
  if (text === '' || ALL.test(text.trim())) return 'all';
  return text
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(codeOf);
}

function merge(
  earlier: 'all' | readonly string[] | undefined,
  next: 'all' | readonly string[],
): 'all' | string[] {
  if (earlier === 'all' || next === 'all') return 'all';
  return [...new Set([...(earlier ?? []), ...next])];
}
