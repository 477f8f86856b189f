import { normaliseEmail, type Role } from '../domain/people.js';
import { codeKey, compareRefs, emailKey, joinKey } from './keys.js';
import { byProgrammeThenRole } from './memory-role.repository.js';
import type { RoleAssignment, RoleRepository } from './role.repository.js';
import { inPartition, peopleKeys, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  getJson,
  putJson,
  queryRows,
  readRow,
  unexpected,
  writeInBatches,
  type Row,
} from './tables-support.js';

/**
 * Role rows (PK programme, RK role) and, in the same table, an index from each email to
 * the roles it holds (PK `by|email`). The index may go stale when a role changes hands;
 * `rolesOf` checks each entry against the role row, so a stale entry is never believed.
 */
export function roleRows(roles: readonly Role[]): Row[] {
  return roles.flatMap((role) => {
    const row: Row = { partitionKey: codeKey(role.programmeId), rowKey: codeKey(role.code) };
    putJson(row, 'json', role);
    assertRowFits(row, `role ${role.code}`);
    const holders = [
      { email: role.person, as: 'person' },
      { email: role.deputy, as: 'deputy' },
    ].filter((holder): holder is { email: string; as: string } => holder.email !== null);
    return [
      row,
      ...holders.map((holder): Row => ({
        partitionKey: peopleKeys.rolesOf(emailKey(holder.email)),
        rowKey: joinKey(codeKey(role.programmeId), codeKey(role.code), holder.as),
        programmeId: role.programmeId,
        role: role.code,
        as: holder.as,
      })),
    ];
  });
}

export function createTablesRoleRepository(tables: TablesContext): RoleRepository {
  const get = async (programmeId: string, code: string) => {
    const row = await readRow(tables.roles, codeKey(programmeId), codeKey(code));
    return row ? getJson<Role>(row, 'json') : null;
  };
  return {
    async list(programmeId) {
      const rows = await queryRows(tables.roles, inPartition(codeKey(programmeId)));
      return rows
        .map((row) => getJson<Role>(row, 'json'))
        .sort((a, b) => compareRefs(a.code, b.code));
    },
    get,
    async save(role) {
      await writeInBatches(
        tables.roles,
        roleRows([role]).map((row) => ['upsert', row, 'Replace']),
      );
    },
    async rolesOf(email) {
      const wanted = normaliseEmail(email);
      const entries = await queryRows(
        tables.roles,
        inPartition(peopleKeys.rolesOf(emailKey(wanted))),
      );
      const checked = await Promise.all(
        entries.map(async (entry): Promise<RoleAssignment | null> => {
          const programmeId = String(entry.programmeId);
          const role = await get(programmeId, String(entry.role));
          const holder = entry.as === 'deputy' ? role?.deputy : role?.person;
          if (role && holder && normaliseEmail(holder) === wanted) {
            return {
              programmeId: role.programmeId,
              role: role.code,
              as: entry.as === 'deputy' ? 'deputy' : 'person',
            };
          }
          await forget(tables, entry.partitionKey ?? '', entry.rowKey ?? '');
          return null;
        }),
      );
      return checked.filter((found) => found !== null).sort(byProgrammeThenRole);
    },
  };
}

/** Drops an index entry the role row no longer backs up. */
async function forget(tables: TablesContext, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await tables.roles.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    throw unexpected(`removing a stale role index entry (${partitionKey}, ${rowKey})`, error);
  }
}
