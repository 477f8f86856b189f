import type { Workstream } from '../../domain/programme.js';
import type { BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import type { RoleIndex } from './parse-roles.js';
import { checkLength } from './text-limits.js';

type WorkstreamColumn = 'code' | 'name' | 'lead' | 'aim';

/** Workstreams by upper-cased code. */
export type WorkstreamIndex = ReadonlyMap<string, Workstream>;

export function parseWorkstreams(
  sheet: BoundSheet<WorkstreamColumn>,
  programmeId: string,
  roles: RoleIndex | null,
  problems: ImportProblem[],
): WorkstreamIndex {
  const workstreams = new Map<string, Workstream>();
  const firstRow = new Map<string, number>();
  for (const row of sheet.rows) {
    const code = row.get('code');
    const name = row.get('name');
    const lead = row.get('lead');
    const aim = row.get('aim');
    if (code === '') {
      problems.push(problemAt(row.place('code'), 'MISSING_VALUE'));
    } else if (firstRow.has(code.toUpperCase())) {
      const details = { firstRow: firstRow.get(code.toUpperCase()) ?? 0 };
      problems.push(problemAt(row.place('code'), 'DUPLICATE_WORKSTREAM', code, details));
    }
    if (name === '') problems.push(problemAt(row.place('name'), 'MISSING_VALUE'));
    checkLength(name, row.place('name'), problems);
    checkLength(aim, row.place('aim'), problems);
    const leadRole = lead === '' ? undefined : roles?.get(lead.toUpperCase());
    if (lead === '') {
      problems.push(problemAt(row.place('lead'), 'MISSING_VALUE'));
    } else if (roles && !leadRole) {
      problems.push(problemAt(row.place('lead'), 'UNKNOWN_ROLE', lead));
    }
    if (code === '' || firstRow.has(code.toUpperCase())) continue;
    firstRow.set(code.toUpperCase(), row.number);
    workstreams.set(code.toUpperCase(), {
      programmeId,
      code,
      name,
      leadRole: leadRole?.code ?? lead,
      aim,
    });
  }
  return workstreams;
}
