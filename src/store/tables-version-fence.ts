import { odata } from '@azure/data-tables';
import { codeKey, joinKey } from './keys.js';
import { PROGRAMME_PARTITION, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  createRow,
  readRow,
  unexpected,
  updateRow,
  type ReadRow,
} from './tables-support.js';

/**
 * A programme's active plan version, once read, is taken as read for a second, so a turn
 * reads the programme row once (its programme look-up) and not again before each read of
 * the plan. That is safe only because of the fence: a row in every workstream partition
 * holding the newest version promoted there. A promotion raises the fences of the partitions
 * it touches before it moves anything, and every update's transaction checks the fence it
 * read (ETag), so an update aimed by a superseded version fails and is aimed again by a
 * fresh read; a read of a partition whose fence is newer than its version reads afresh.
 */
export const FENCE_ROW = joinKey('v', 'fence');

const LIFE_MS = 1_000;

interface Seen {
  readonly version: string | null;
  readonly at: number;
}

const seenBy = new WeakMap<TablesContext, Map<string, Seen>>();

function seenIn(tables: TablesContext): Map<string, Seen> {
  const found = seenBy.get(tables) ?? new Map<string, Seen>();
  seenBy.set(tables, found);
  if (found.size > 1_000) found.clear();
  return found;
}

/** Notes the version a programme row just read carries (any read of the row will do). */
export function noteVersionRead(
  tables: TablesContext,
  row: { readonly rowKey?: string; readonly activeVersion?: unknown } | null | undefined,
): void {
  if (!row?.rowKey) return;
  const version = typeof row.activeVersion === 'string' ? row.activeVersion : null;
  seenIn(tables).set(row.rowKey, { version, at: Date.now() });
}

/** Forgets a programme's version: this process has switched it, or found it superseded. */
export function forgetVersion(tables: TablesContext, programmeId: string): void {
  seenIn(tables).delete(codeKey(programmeId));
}

/** The programme row as it is now, and its version (noted): one point read. */
export async function freshProgrammeRow(
  tables: TablesContext,
  programmeId: string,
): Promise<{ readonly version: string | null; readonly row: ReadRow | null }> {
  const row = await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey(programmeId));
  noteVersionRead(tables, row ?? { rowKey: codeKey(programmeId) });
  return { version: typeof row?.activeVersion === 'string' ? row.activeVersion : null, row };
}

/** The programme row's version as it is now: one point read. */
export async function freshVersion(tables: TablesContext, programmeId: string) {
  return (await freshProgrammeRow(tables, programmeId)).version;
}

/**
 * The version read within the last second, or a fresh read. Only for reads and writes of a
 * workstream partition, which check its fence ({@link isSuperseded}).
 */
export async function fencedVersion(
  tables: TablesContext,
  programmeId: string,
): Promise<{ readonly version: string | null; readonly fresh: boolean }> {
  const seen = seenIn(tables).get(codeKey(programmeId));
  if (seen && Date.now() - seen.at < LIFE_MS) return { version: seen.version, fresh: false };
  return { version: await freshVersion(tables, programmeId), fresh: true };
}

/**
 * Runs `read` with the version read within the last second; when that version turns out
 * superseded (`read` says so: a newer fence, or nothing where the plan should have it),
 * runs it once more with a fresh read of the programme row.
 */
export async function withFencedVersion<T>(
  tables: TablesContext,
  programmeId: string,
  read: (version: string | null) => Promise<T | typeof SUPERSEDED>,
  orElse: T,
): Promise<T> {
  const first = await fencedVersion(tables, programmeId);
  const result = await read(first.version);
  if (result !== SUPERSEDED) return result;
  if (first.fresh) return orElse;
  forgetVersion(tables, programmeId);
  const again = await read(await freshVersion(tables, programmeId));
  return again === SUPERSEDED ? orElse : again;
}

/** What a read answers when its version may be out of date. */
export const SUPERSEDED = Symbol('superseded');

/** The fence's version, from the rows a query of the partition returned with it. */
export function fenceOf(rows: readonly ReadRow[]): ReadRow | null {
  return rows.find((row) => row.rowKey === FENCE_ROW) ?? null;
}

/** Whether a promotion newer than `version` has reached this partition. */
export function isSuperseded(fence: ReadRow | null, version: string): boolean {
  return typeof fence?.version === 'string' && fence.version > version;
}

/** The filter that brings the fence back with a query of a workstream partition. */
export const withFence = (filter: string): string =>
  `((${filter}) or ${odata`RowKey eq ${FENCE_ROW}`})`;

/**
 * Raises the fence of one workstream partition to `version` (versions sort by creation), never
 * lowering it. Merged: the programme's settings copied beside the version stay
 * (tables-settings-copy.ts).
 */
export async function raiseFence(
  tables: TablesContext,
  partitionKey: string,
  version: string,
): Promise<void> {
  await mergeIntoFence(
    tables,
    partitionKey,
    (fence) =>
      typeof fence?.version === 'string' && fence.version >= version ? null : { version },
    `raising the plan fence of ${partitionKey} to ${version}`,
  );
}

/**
 * Merges `change(fence)` into a partition's fence: read, then written at the ETag read (or
 * created where there is none), again if someone moved it meanwhile; nothing when `change`
 * gives null.
 */
export async function mergeIntoFence(
  tables: TablesContext,
  partitionKey: string,
  change: (fence: ReadRow | null) => Record<string, unknown> | null,
  doing: string,
): Promise<void> {
  const table = tables.status(partitionKey);
  for (;;) {
    const fence = await readRow(table, partitionKey, FENCE_ROW);
    const columns = change(fence);
    if (columns === null) return;
    const row = { partitionKey, rowKey: FENCE_ROW, ...columns };
    assertRowFits(row, `the plan fence of ${partitionKey}`);
    try {
      if (fence) await updateRow(table, row, 'Merge', { etag: fence.etag });
      else await createRow(table, row);
      return;
    } catch (error) {
      const status = azureStatus(error);
      if (status !== 409 && status !== 412) throw unexpected(doing, error);
    }
  }
}
