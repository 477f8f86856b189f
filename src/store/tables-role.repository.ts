import { normaliseEmail } from '../domain/people.js';
import { codeKey, compareRefs, emailKey } from './keys.js';
import { byProgrammeThenRole } from './memory-role.repository.js';
import type { RoleAssignment, RoleRepository } from './role.repository.js';
import { inPartition, peopleKeys, type TablesContext } from './tables-layout.js';
import { entrySeq } from './tables-role-index.js';
import { changeRole, liveRole } from './tables-role-change.js';
import {
  azureStatus,
  deleteRow,
  queryRows,
  readRow,
  unexpected,
  type ReadRow,
} from './tables-support.js';

/**
 * Role rows (PK programme, RK role) and, in the same table, an index from each email to the
 * roles it holds (PK `by|email`), kept exact by every change of a role
 * (`tables-role-change.ts`), so `rolesOf` is one query.
 */
export function createTablesRoleRepository(tables: TablesContext): RoleRepository {
  const get = async (programmeId: string, code: string) =>
    liveRole(await readRow(tables.roles, codeKey(programmeId), codeKey(code)));
  return {
    async list(programmeId) {
      const rows = await queryRows(tables.roles, inPartition(codeKey(programmeId)));
      return rows
        .map(liveRole)
        .filter((role) => role !== null)
        .sort((a, b) => compareRefs(a.code, b.code));
    },
    get,
    async save(role) {
      await changeRole(tables, role.programmeId, role.code, () => role);
    },
    async rolesOf(email) {
      const wanted = normaliseEmail(email);
      const entries = await queryRows(
        tables.roles,
        inPartition(peopleKeys.rolesOf(emailKey(wanted))),
      );
      const found = await Promise.all(
        entries.map((entry) =>
          entrySeq(entry) === null
            ? checkedAgainstRole(entry, wanted)
            : Promise.resolve(trusted(entry)),
        ),
      );
      return found.filter((assignment) => assignment !== null).sort(byProgrammeThenRole);
    },
  };

  /**
   * An entry written before entries carried a seq may be stale, so it is believed only as
   * far as its role row backs it, and dropped (at the ETag read) when it does not.
   */
  async function checkedAgainstRole(entry: ReadRow, email: string): Promise<RoleAssignment | null> {
    const role = await get(String(entry.programmeId), String(entry.role));
    const as = entry.as === 'deputy' ? 'deputy' : 'person';
    const holder = as === 'deputy' ? role?.deputy : role?.person;
    if (role && holder && normaliseEmail(holder) === email) {
      return { programmeId: role.programmeId, role: role.code, as };
    }
    await forget(tables, entry);
    return null;
  }
}

function trusted(entry: ReadRow): RoleAssignment | null {
  if (entry.held !== true) return null;
  return {
    programmeId: String(entry.programmeId),
    role: String(entry.role),
    as: entry.as === 'deputy' ? 'deputy' : 'person',
  };
}

/** Drops an old entry the role row no longer backs, unless someone rewrote it meanwhile. */
async function forget(tables: TablesContext, entry: ReadRow): Promise<void> {
  const { partitionKey = '', rowKey = '' } = entry;
  try {
    await deleteRow(tables.roles, partitionKey, rowKey, { etag: entry.etag });
  } catch (error) {
    const status = azureStatus(error);
    if (status === 404 || status === 412) return;
    throw unexpected(`removing a stale role index entry (${partitionKey}, ${rowKey})`, error);
  }
}
