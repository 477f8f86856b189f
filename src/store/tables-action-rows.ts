import { odata } from '@azure/data-tables';
import { withAgreedDue, type Action, type CurrentStatus } from '../domain/action.js';
import { agreedDueFor, type AgreedDue } from '../domain/agreed-due.js';
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

/**
 * The action as readers see it: the plan's definition with its status row and its approved
 * date's row (`s|ref|agreed`), if any. Without that row's read (`undefined`), an approved
 * date the definition already carries (an owner's copy) stands.
 */
export function toAction(
  definition: ReadRow | Action,
  status: Readonly<Record<string, unknown>> | null,
  agreedRow?: ReadRow | null,
): Versioned<Action> {
  const action = 'ref' in definition ? (definition as Action) : getJson<Action>(definition, 'json');
  const proposedDue = typeof status?.proposedDue === 'string' ? status.proposedDue : null;
  const agreedDue =
    agreedRow === undefined
      ? action.agreedDue
      : agreedDueFor(action, agreedRow && agreedFromRow(agreedRow));
  return {
    value: withAgreedDue(
      {
        ...action,
        current: status ? getJson<CurrentStatus>(status, 'current') : null,
        proposedDue: proposedDue ?? action.proposedDue,
      },
      agreedDue,
    ),
    etag: typeof status?.etag === 'string' ? status.etag : UNRATED_ETAG,
  };
}

/** The approved date kept in an `s|ref|agreed` row. */
export function agreedFromRow(row: ReadRow): AgreedDue {
  return getJson<AgreedDue>(row, 'json');
}

export function agreedRow(partitionKey: string, ref: string, agreed: AgreedDue): Row {
  const row: Row = { partitionKey, rowKey: statusKeys.agreed(ref) };
  putJson(row, 'json', agreed);
  return row;
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

/** The definitions a version's packs (`c|version|…`) among `rows` hold, in their order. */
export function packedDefinitions(version: string, rows: readonly ReadRow[]): Action[] {
  const packPrefix = joinKey('c', version, '');
  return rows
    .filter((row) => (row.rowKey ?? '').startsWith(packPrefix))
    .flatMap((row) => getJson<Action[]>(row, 'json'));
}

/**
 * Definitions of the active version with their status rows: `definitions` when they were read
 * before, else from the packs among `rows`.
 */
export function combine(
  version: string | null,
  rows: readonly ReadRow[],
  definitions?: readonly Action[],
): Versioned<Action>[] {
  if (version === null) return [];
  const status = new Map(rows.map((row) => [row.rowKey ?? '', row]));
  return (definitions ?? packedDefinitions(version, rows)).map((action) =>
    toAction(
      action,
      status.get(statusKeys.current(action.ref)) ?? null,
      status.get(statusKeys.agreed(action.ref)) ?? null,
    ),
  );
}

/** Status rows (`s|…`, approved dates' rows with them) of a workstream, without its packs. */
export const statusRows = startsWith('RowKey', 's');

/** The packs of one plan version's definitions in a workstream partition. */
export const packsOf = (version: string): string => startsWith('RowKey', joinKey('c', version));

/**
 * Packs (`c|…`) and status rows (`s|…`, approved dates' rows with them) of a workstream:
 * neither single definitions nor history.
 */
export const packsAndStatus = `(${odata`RowKey lt ${statusKeys.definitionsStart}`} or ${statusRows})`;
