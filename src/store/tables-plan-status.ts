import { odata, type TransactionAction } from '@azure/data-tables';
import type { CurrentStatus } from '../domain/action.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { codeKey, historyOrderKey, joinKey } from './keys.js';
import { currentRow, historyRow } from './tables-action-rows.js';
import { inPartition, startsWith, statusKeys, type TablesContext } from './tables-layout.js';
import {
  azureStatus,
  createInBatches,
  createRow,
  getJson,
  isServiceColumn,
  queryRows,
  readRow,
  unexpected,
  updateRow,
  writeInBatches,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * Adds past ratings to the history (ids already there are left alone, so re-importing adds
 * nothing) and makes the newest the current status when it is newer than what is there.
 * Ratings for references the plan does not have are not kept: they could not be read back.
 */
export async function recordRatings(
  tables: TablesContext,
  programmeId: string,
  ratings: readonly StatusUpdate[],
  workstreamOf: ReadonlyMap<string, string>,
): Promise<void> {
  const byPartition = new Map<string, StatusUpdate[]>();
  for (const rating of ratings) {
    const workstream = workstreamOf.get(codeKey(rating.ref));
    if (workstream === undefined) continue;
    const partition = statusKeys.partition(programmeId, workstream);
    // Pushed, not copied: copying the list each time made a 10,000-row import quadratic.
    const list = byPartition.get(partition) ?? [];
    list.push(rating);
    byPartition.set(partition, list);
  }
  const work = [...byPartition];
  for (let i = 0; i < work.length; i += 4) {
    await Promise.all(
      work.slice(i, i + 4).map(([partition, list]) => recordInPartition(tables, partition, list)),
    );
  }
}

async function recordInPartition(
  tables: TablesContext,
  partition: string,
  ratings: readonly StatusUpdate[],
): Promise<void> {
  const table = tables.status(partition);
  await tables.createStatusTable(partition);
  const [history, statuses] = await Promise.all([
    queryRows(table, `${inPartition(partition)} and ${startsWith('RowKey', 'u')}`, ['updateId']),
    queryRows(table, `${inPartition(partition)} and ${startsWith('RowKey', 's')}`),
  ]);
  const known = new Set(history.map((row) => row.updateId));
  const fresh = ratings.filter((rating) => !known.has(rating.id) && known.add(rating.id));
  await createInBatches(
    table,
    fresh.map((rating) => historyRow(rating, partition)),
  );
  const newestByRef = new Map<string, StatusUpdate>();
  for (const rating of ratings) {
    const seen = newestByRef.get(codeKey(rating.ref));
    if (!seen || historyOrderKey(rating) < historyOrderKey(seen)) {
      newestByRef.set(codeKey(rating.ref), rating);
    }
  }
  const rowsByKey = new Map(statuses.map((row) => [row.rowKey, row]));
  const promotions = [...newestByRef.values()].flatMap((newest): TransactionAction[] => {
    const row = rowsByKey.get(statusKeys.current(newest.ref)) ?? null;
    if (row && !isOlder(row, newest)) return [];
    const next = currentRow(newest, partition);
    return [row ? ['update', next, 'Merge', { etag: row.etag }] : ['create', next]];
  });
  try {
    await writeInBatches(table, promotions);
  } catch (error) {
    // A live update landed while we imported; go row by row so it is kept and the rest done.
    const status = azureStatus(error instanceof Error ? error.cause : undefined);
    if (![409, 412].includes(status ?? 0)) throw error;
    for (const newest of newestByRef.values()) await promote(tables, partition, newest);
  }
}

function isOlder(row: ReadRow, newest: StatusUpdate): boolean {
  const current = getJson<CurrentStatus>(row, 'current');
  return historyOrderKey({ at: current.at, id: current.updateId }) > historyOrderKey(newest);
}

/** Makes `newest` the current status unless a newer one is already there. */
async function promote(tables: TablesContext, partition: string, newest: StatusUpdate) {
  const table = tables.status(partition);
  const row = await readRow(table, partition, statusKeys.current(newest.ref));
  if (row && !isOlder(row, newest)) return;
  try {
    if (row) {
      await updateRow(table, currentRow(newest, partition), 'Merge', { etag: row.etag });
    } else {
      await createRow(table, currentRow(newest, partition));
    }
  } catch (error) {
    // Someone recorded an update while we were importing: a live update beats a past rating.
    if ([409, 412].includes(azureStatus(error) ?? 0)) return;
    throw unexpected(`setting the current status of ${newest.ref}`, error);
  }
}

/**
 * Status rows live in their workstream's partition. When a plan moves an action to another
 * workstream, its status and history are copied across and then the old rows deleted. This
 * runs after the switch: before it, a reader of the old plan would list the copies as well.
 * It may run again after a crash: copies are keyed as before, and a status row already at the
 * new place is kept, as it is either this copy or a live update made since the switch.
 */
export async function moveStatusRows(
  tables: TablesContext,
  programmeId: string,
  oldRefs: readonly ReadRow[],
  workstreamOf: ReadonlyMap<string, string>,
): Promise<void> {
  const moved = oldRefs.filter((row) => {
    const next = workstreamOf.get(row.rowKey ?? '');
    return next !== undefined && codeKey(next) !== codeKey(String(row.workstream));
  });
  for (const ref of moved) {
    const from = statusKeys.partition(programmeId, String(ref.workstream));
    const to = statusKeys.partition(programmeId, workstreamOf.get(ref.rowKey ?? '') ?? '');
    const refKey = ref.rowKey ?? '';
    const rows = await queryRows(
      tables.status(from),
      `${inPartition(from)} and (${odata`RowKey eq ${joinKey('s', refKey)}`} or ` +
        `${odata`RowKey eq ${joinKey('s', refKey, 'agreed')}`} or ` +
        `${startsWith('RowKey', joinKey('u', refKey))})`,
    );
    await tables.createStatusTable(to);
    const copies = rows.map((row) => ({ ...plain(row), partitionKey: to }));
    await writeInBatches(
      tables.status(to),
      copies.filter((row) => row.rowKey.startsWith('u')).map((row) => ['upsert', row, 'Replace']),
    );
    for (const status of copies.filter((row) => row.rowKey.startsWith('s'))) {
      await createUnlessThere(tables, status);
    }
    await writeInBatches(
      tables.status(from),
      rows.map((row) => ['delete', { partitionKey: from, rowKey: row.rowKey ?? '' }]),
    );
  }
}

async function createUnlessThere(tables: TablesContext, row: Row): Promise<void> {
  try {
    await createRow(tables.status(row.partitionKey), row);
  } catch (error) {
    if (azureStatus(error) !== 409) throw unexpected(`moving the status row ${row.rowKey}`, error);
  }
}

/** A read row without the service's metadata, ready to write elsewhere. */
function plain(row: ReadRow): Row {
  const copy: Row = { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' };
  for (const [name, value] of Object.entries(row)) {
    if (isServiceColumn(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      copy[name] = value;
    }
  }
  return copy;
}
