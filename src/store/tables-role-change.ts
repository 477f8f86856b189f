import { isDeepStrictEqual } from 'node:util';
import type { Role } from '../domain/people.js';
import { codeKey } from './keys.js';
import { applyToIndex, holdersOf, type Holder } from './tables-role-index.js';
import { inPartition, PROGRAMME_PARTITION, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  createRow,
  getJson,
  putJson,
  queryRows,
  readRow,
  unexpected,
  updateRow,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * A role row: `json` (the role), `seq` (its change number), `pending` (the holders before
 * the latest change, until the index has it) and `removed` (a role a plan dropped: kept as
 * a marker so its change numbers go on rising if it comes back).
 */
export function liveRole(row: ReadRow | null): Role | null {
  if (!row || row.removed === true || typeof row.json !== 'string') return null;
  return getJson<Role>(row, 'json');
}

function seqOf(row: ReadRow | null): number {
  return typeof row?.seq === 'number' ? row.seq : 0;
}

function pendingOf(row: ReadRow): Holder[] | null {
  return typeof row.pending === 'string' && row.pending !== ''
    ? (JSON.parse(row.pending) as Holder[])
    : null;
}

/**
 * Changes one role to what `next` makes of it (null removes it) and brings the index to
 * match before returning, so a person taken off a role can no longer act as it from then on.
 * A change someone else left half done is finished first; a row changed meanwhile is read
 * again (ETag) and `next` asked again.
 */
export async function changeRole(
  tables: TablesContext,
  programmeId: string,
  code: string,
  next: (current: Role | null) => Role | null,
  known?: ReadRow | null,
): Promise<void> {
  const partitionKey = codeKey(programmeId);
  const rowKey = codeKey(code);
  let row = known === undefined ? await readRow(tables.roles, partitionKey, rowKey) : known;
  for (;;) {
    if (row && pendingOf(row)) {
      await finishChange(tables, row);
      row = await readRow(tables.roles, partitionKey, rowKey);
      continue;
    }
    const current = liveRole(row);
    const wanted = next(current);
    // Unchanged, and its index written by this scheme (it has a seq): nothing to do.
    if (row && seqOf(row) > 0 && isDeepStrictEqual(wanted, current)) return;
    if (!row && wanted === null) return;
    const written: Row = { partitionKey, rowKey, seq: seqOf(row) + 1 };
    if (wanted) putJson(written, 'json', wanted);
    else written.removed = true;
    written.pending = JSON.stringify(holdersOf(current));
    assertRowFits(written, `role ${code}`);
    try {
      const response = row
        ? await updateRow(tables.roles, written, 'Replace', { etag: row.etag })
        : await createRow(tables.roles, written);
      await finishChange(tables, { ...written, etag: response.etag ?? '*' });
      return;
    } catch (error) {
      const status = azureStatus(error);
      if (status !== 409 && status !== 412) {
        throw unexpected(`saving role ${code} of ${programmeId}`, error);
      }
      row = await readRow(tables.roles, partitionKey, rowKey);
    }
  }
}

/** Brings the index up to a pending row, then clears its mark if no one has moved it on. */
async function finishChange(tables: TablesContext, row: ReadRow): Promise<void> {
  const was = pendingOf(row);
  if (!was) return;
  const role = liveRole(row);
  await applyToIndex(tables, {
    programmeId: role?.programmeId ?? String(row.partitionKey),
    code: role?.code ?? String(row.rowKey),
    seq: seqOf(row),
    was,
    now: holdersOf(role),
  });
  try {
    await updateRow(
      tables.roles,
      { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '', pending: '' },
      'Merge',
      { etag: row.etag },
    );
  } catch (error) {
    // 412: someone finished it too, or changed the role again after finishing this.
    if (azureStatus(error) !== 412) {
      throw unexpected(`finishing the change of role ${String(row.rowKey)}`, error);
    }
  }
}

/** Makes a programme's roles exactly `roles` (a plan's), the index with them. */
export async function replaceRoles(
  tables: TablesContext,
  programmeId: string,
  roles: readonly Role[],
): Promise<void> {
  const rows = await queryRows(tables.roles, inPartition(codeKey(programmeId)));
  const rowOf = new Map(rows.map((row) => [row.rowKey ?? '', row]));
  const wanted = new Map(roles.map((role) => [codeKey(role.code), role]));
  const changes = [
    ...roles.map((role) => ({ code: role.code, role })),
    ...rows
      .filter((row) => !wanted.has(row.rowKey ?? '') && liveRole(row) !== null)
      .map((row) => ({ code: liveRole(row)?.code ?? '', role: null })),
  ];
  await inTurns(changes, 8, ({ code, role }) =>
    changeRole(tables, programmeId, code, () => role, rowOf.get(codeKey(code)) ?? null),
  );
}

/** Finishes every role change a stopped process left pending (at the store's start). */
export async function finishRoleChanges(tables: TablesContext): Promise<void> {
  const programmes = await queryRows(tables.programmes, inPartition(PROGRAMME_PARTITION), [
    'RowKey',
  ]);
  for (const programme of programmes) {
    const pending = await queryRows(
      tables.roles,
      `${inPartition(programme.rowKey ?? '')} and pending gt ''`,
    );
    await inTurns(pending, 8, (row) => finishChange(tables, row));
  }
}

async function inTurns<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map(work));
  }
}
