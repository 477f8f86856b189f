import { odata } from '@azure/data-tables';
import type { Action, CurrentStatus } from '../domain/action.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { toCurrent, UNRATED_ETAG } from './memory-state.js';
import { joinKey } from './keys.js';
import { refsFilter, startsWith, statusKeys, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  getJson,
  putJson,
  queryRows,
  type ReadRow,
  type Row,
} from './tables-support.js';
import type { Versioned } from './versioned.js';

/** The action as readers see it: the plan's definition with its status row, if any. */
export function toAction(
  definition: ReadRow | Action,
  status: Readonly<Record<string, unknown>> | null,
): Versioned<Action> {
  const action = 'ref' in definition ? (definition as Action) : getJson<Action>(definition, 'json');
  const proposedDue = typeof status?.proposedDue === 'string' ? status.proposedDue : null;
  return {
    value: {
      ...action,
      current: status ? getJson<CurrentStatus>(status, 'current') : null,
      proposedDue: proposedDue ?? action.proposedDue,
    },
    etag: typeof status?.etag === 'string' ? status.etag : UNRATED_ETAG,
  };
}

export function historyRow(update: StatusUpdate, partitionKey: string): Row {
  const row: Row = { partitionKey, rowKey: statusKeys.history(update), updateId: update.id };
  putJson(row, 'json', update);
  assertRowFits(row, `the update to ${update.ref}`);
  return row;
}

export function currentRow(update: StatusUpdate, partitionKey: string): Row {
  const row: Row = { partitionKey, rowKey: statusKeys.current(update.ref) };
  putJson(row, 'current', toCurrent(update));
  // Merged, not replaced: an update that proposes no date keeps the one already proposed.
  if (update.proposedDue !== null) row.proposedDue = update.proposedDue;
  return row;
}

/** The workstream partitions of the active plan, from its reference index. */
export async function planPartitions(
  tables: TablesContext,
  programmeId: string,
  version: string,
): Promise<{ readonly partitions: string[]; readonly refs: Set<string> }> {
  const refs = await queryRows(tables.plans, refsFilter(programmeId, version));
  const partitions = new Set(
    refs.map((row) => statusKeys.partition(programmeId, String(row.workstream))),
  );
  return { partitions: [...partitions], refs: new Set(refs.map((row) => row.rowKey ?? '')) };
}

/** Definitions of the active version (from its packs) with their status rows. */
export function combine(version: string | null, rows: readonly ReadRow[]): Versioned<Action>[] {
  if (version === null) return [];
  const packPrefix = joinKey('c', version, '');
  const status = new Map(rows.map((row) => [row.rowKey ?? '', row]));
  return rows
    .filter((row) => (row.rowKey ?? '').startsWith(packPrefix))
    .flatMap((row) => getJson<Action[]>(row, 'json'))
    .map((action) => toAction(action, status.get(statusKeys.current(action.ref)) ?? null));
}

/** Packs (`c|…`) and status rows (`s|…`) of a workstream: neither single definitions nor history. */
export const packsAndStatus =
  `(${odata`RowKey lt ${statusKeys.definitionsStart}`} or ` + `${startsWith('RowKey', 's')})`;
