import type { TablesContext } from './tables-layout.js';
import type { ReadRow } from './tables-support.js';

/**
 * The rows of an action's partition a read has just fetched (definition, status, summary,
 * fence), kept a few seconds so the Save that follows the form's check need not fetch them
 * again. Safe to use stale: the update's transaction checks every one of them by ETag (the
 * status row, the summary, the fence; a definition never changes within its version), and a
 * transaction refused for any of them reads afresh. Each is used once.
 */
const LIFE_MS = 5_000;

interface Kept {
  readonly rows: ReadonlyMap<string, ReadRow>;
  readonly at: number;
}

const keptBy = new WeakMap<TablesContext, Map<string, Kept>>();

function keptIn(tables: TablesContext): Map<string, Kept> {
  const found = keptBy.get(tables) ?? new Map<string, Kept>();
  keptBy.set(tables, found);
  if (found.size > 1_000) found.clear();
  return found;
}

export function keepRowsRead(tables: TablesContext, key: string, rows: readonly ReadRow[]): void {
  keptIn(tables).set(key, {
    rows: new Map(rows.map((row) => [row.rowKey ?? '', row])),
    at: Date.now(),
  });
}

/** The rows kept under `key`, if read within the last few seconds; forgotten once taken. */
export function takeRowsRead(
  tables: TablesContext,
  key: string,
): ReadonlyMap<string, ReadRow> | null {
  const kept = keptIn(tables);
  const found = kept.get(key);
  kept.delete(key);
  return found && Date.now() - found.at < LIFE_MS ? found.rows : null;
}
