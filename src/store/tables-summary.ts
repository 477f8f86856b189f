import { odata, type TransactionAction } from '@azure/data-tables';
import type { Action } from '../domain/action.js';
import type { Workstream } from '../domain/programme.js';
import { summarise, type StatusSummary } from '../domain/status-summary.js';
import { codeKey, joinKey } from './keys.js';
import { UNRATED_ETAG } from './memory-state.js';
import { combine, packsAndStatus } from './tables-action-rows.js';
import { getSummary, putSummary } from './tables-summary-columns.js';
import {
  inPartition,
  planKeys,
  refsFilter,
  startsWith,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import {
  azureStatus,
  createInBatches,
  createRow,
  getJson,
  getText,
  isServiceColumn,
  putJson,
  putText,
  queryRows,
  queryWorkstreamRows,
  readRow,
  transact,
  unexpected,
  updateRow,
  writeInBatches,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * A workstream's summary is kept twice. The row `m|summary` in the workstream's own partition
 * is changed in the same transaction as every update, so it is exact. Its copy in the
 * `summaries` table (partition: the programme; row: the workstream) is written just after,
 * carrying the partition row's `seq`, and only ever replaced by a higher `seq`: a
 * programme-wide `/status` is then one query of one partition, whatever the programme's size.
 * A copy left behind by a crash is caught up by the workstream's next write.
 */
export const SUMMARY_ROW = joinKey('m', 'summary');

export interface KeptSummary {
  readonly summary: StatusSummary;
  readonly seq: number;
  readonly etag: string;
}

export function keptSummary(row: ReadRow | null | undefined): KeptSummary | null {
  if (!row) return null;
  return {
    summary: getSummary(row),
    seq: Number(row.seq ?? 0),
    etag: row.etag,
  };
}

/** The partition's summary row, to write in a transaction. */
export function summaryRow(partitionKey: string, summary: StatusSummary, seq: number): Row {
  const row: Row = { partitionKey, rowKey: SUMMARY_ROW, seq };
  putSummary(row, summary);
  return row;
}

/** The copy's key for this workstream. */
export function mirrorKeys(programmeId: string, workstream: string) {
  return { partitionKey: codeKey(programmeId), rowKey: joinKey('w', codeKey(workstream)) };
}

/**
 * Beside the workstream copies, each action has a copy keyed by its owner's role
 * (`o|role|ws|ref`): its definition and status, so `/mine` is one query of one partition.
 */
export function ownedKeys(
  programmeId: string,
  action: Pick<Action, 'ownerRole' | 'workstream' | 'ref'>,
) {
  return {
    partitionKey: codeKey(programmeId),
    rowKey: joinKey(
      'o',
      codeKey(action.ownerRole),
      codeKey(action.workstream),
      codeKey(action.ref),
    ),
  };
}

/**
 * The owner's copy of an action: its definition, its status row's columns and that row's ETag.
 * With `status` undefined, only the definition: merged, it leaves the status columns as the
 * last Save wrote them (an approved date changes the definition's `agreedDue`, not the status).
 */
export function ownedRow(
  programmeId: string,
  definition: Action,
  status: Readonly<Record<string, unknown>> | null | undefined,
): Row {
  const row: Row = { ...ownedKeys(programmeId, definition) };
  putJson(row, 'json', { ...definition, current: null });
  if (status === undefined) return row;
  row.statusEtag = UNRATED_ETAG;
  if (status) {
    putText(row, 'current', getText(status, 'current'));
    if (typeof status.proposedDue === 'string') row.proposedDue = status.proposedDue;
    if (typeof status.etag === 'string') row.statusEtag = status.etag;
  }
  return row;
}

/** ETags and `seq` of the copies this process last wrote, so a copy is usually one request. */
const written = new WeakMap<TablesContext, Map<string, { etag: string; seq: number }>>();

function writtenBy(tables: TablesContext): Map<string, { etag: string; seq: number }> {
  const found = written.get(tables) ?? new Map<string, { etag: string; seq: number }>();
  written.set(tables, found);
  // Bounded: a few entries per workstream of every programme this process has written.
  if (found.size > 10_000) found.clear();
  return found;
}

/**
 * Writes the copy of a workstream's summary unless one with this `seq` or a higher one is
 * there, and with it (one transaction: same partition) the owner's copy of the action just
 * updated. Without `name` the summary copy is merged and must exist; false then says it did
 * not, and the caller refreshes the workstream instead.
 */
export async function writeCopies(
  tables: TablesContext,
  programmeId: string,
  workstream: string,
  next: { summary: StatusSummary; seq: number; name?: string; position?: number },
  owned: Row | null = null,
): Promise<boolean> {
  const keys = mirrorKeys(programmeId, workstream);
  const row: Row = { ...keys, seq: next.seq };
  putSummary(row, next.summary);
  if (next.name !== undefined) Object.assign(row, { code: workstream, name: next.name });
  if (next.position !== undefined) row.position = next.position;
  const mode = next.name === undefined ? 'Merge' : 'Replace';
  const memo = writtenBy(tables);
  const memoKey = `${keys.partitionKey}/${keys.rowKey}`;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    let known = memo.get(memoKey) ?? null;
    let absent = false;
    try {
      if (!known) {
        const there = await readRow(tables.summaries, keys.partitionKey, keys.rowKey);
        if (there) known = { etag: there.etag, seq: Number(there.seq ?? 0) };
        else if (next.name === undefined) return false;
        else absent = true;
      }
      const actions: TransactionAction[] = [];
      if (absent) actions.push(['create', row]);
      else if (known && known.seq < next.seq) {
        actions.push(['update', row, mode, { etag: known.etag }]);
      }
      // Not conditional: a newer update to the same action comes from a card drawn after
      // this one was stored, so its copy is written long after this one.
      if (owned) actions.push(['upsert', owned, 'Merge']);
      if (actions.length === 0) return true;
      const response = await transact(tables.summaries, actions);
      // In the operations' order; Azurite leaves out their row keys.
      const etag =
        response.subResponses.find((r) => r.rowKey === keys.rowKey)?.etag ??
        response.subResponses[0]?.etag;
      if (etag && actions[0]?.[1].rowKey === keys.rowKey) {
        memo.set(memoKey, { etag, seq: next.seq });
      }
      return true;
    } catch (error) {
      // Someone else wrote the copy since: read it again and compare `seq`.
      if (![404, 409, 412].includes(azureStatus(error) ?? 0)) {
        throw unexpected(`copying the summary of ${programmeId} ${workstream}`, error);
      }
      memo.delete(memoKey);
    }
  }
  throw new Error(`The summary of ${programmeId} ${workstream} kept changing; try again.`);
}

/**
 * Works a workstream's summary out again from its actions and stores it in both places.
 * A plan import runs it for every workstream; a write that found no summary runs it for
 * its own. It can run any number of times, alongside live updates: the partition row is
 * written at the ETag it was read with, and the work is done again if that moved.
 */
export async function refreshWorkstream(
  tables: TablesContext,
  version: string,
  workstream: Workstream,
  /** Its place in the plan, so `/status` lists workstreams in the plan's order. */
  position?: number,
  /** Owners' copies as stored just before, by row key: those still right are not written. */
  stored?: ReadonlyMap<string, ReadRow>,
): Promise<string[]> {
  const partition = statusKeys.partition(workstream.programmeId, workstream.code);
  await tables.createStatusTable(partition);
  const table = tables.status(partition);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const rows = await queryWorkstreamRows(
      table,
      `${inPartition(partition)} and (${packsAndStatus} or ${odata`RowKey eq ${SUMMARY_ROW}`})`,
    );
    const statusOf = new Map(rows.map((row) => [row.rowKey ?? '', row]));
    const actions = combine(version, rows).map((action) => action.value);
    const summary = summarise(actions);
    const owned = actions.map((action) =>
      ownedRow(
        workstream.programmeId,
        action,
        statusOf.get(statusKeys.current(action.ref)) ?? null,
      ),
    );
    const kept = keptSummary(rows.find((row) => row.rowKey === SUMMARY_ROW));
    const seq = (kept?.seq ?? 0) + 1;
    // Owners' copies before the summary: if an update lands after this read, the summary
    // write below fails on its ETag and all of it is done again, so no copy is left older
    // than the update that follows it.
    // Once a write has raced this one, what was stored before is no guide: write them all.
    const changed = owned.filter(
      (row) => attempt > 0 || !stored || !sameColumns(row, stored.get(row.rowKey)),
    );
    // Those not there when read are created: on Azurite, half the cost of an upsert.
    const absent = (row: Row) => attempt === 0 && stored !== undefined && !stored.has(row.rowKey);
    await createInBatches(tables.summaries, changed.filter(absent));
    await writeInBatches(
      tables.summaries,
      changed.filter((row) => !absent(row)).map((row) => ['upsert', row, 'Replace']),
    );
    try {
      if (kept) {
        await updateRow(table, summaryRow(partition, summary, seq), 'Replace', {
          etag: kept.etag,
        });
      } else {
        await createRow(table, summaryRow(partition, summary, seq));
      }
    } catch (error) {
      if ([409, 412].includes(azureStatus(error) ?? 0)) continue;
      throw unexpected(`summarising ${workstream.programmeId} ${workstream.code}`, error);
    }
    await writeCopies(tables, workstream.programmeId, workstream.code, {
      summary,
      seq,
      name: workstream.name,
      ...(position === undefined ? {} : { position }),
    });
    return owned.map((row) => row.rowKey);
  }
  throw new Error(`Workstream ${workstream.code} kept changing while it was summarised.`);
}

/** Refreshes every workstream of this plan version and drops copies of workstreams it lacks. */
export async function refreshSummaries(
  tables: TablesContext,
  programmeId: string,
  version: string,
): Promise<void> {
  const [declared, refs] = await Promise.all([
    queryRows(tables.plans, inPartition(planKeys.workstreams(programmeId, version))),
    queryRows(tables.plans, refsFilter(programmeId, version), ['workstream']),
  ]);
  const positionOf = new Map(
    declared.map((row) => [
      row.rowKey ?? '',
      typeof row.position === 'number' ? row.position : Number.MAX_SAFE_INTEGER,
    ]),
  );
  const workstreams = declared.map((row) => getJson<Workstream>(row, 'json'));
  // Actions of a workstream the plan does not list are counted too, under its code.
  const known = new Set(workstreams.map((workstream) => codeKey(workstream.code)));
  for (const row of refs) {
    const code = String(row.workstream);
    if (known.has(codeKey(code))) continue;
    known.add(codeKey(code));
    workstreams.push({ programmeId, code, name: code, leadRole: '', aim: '' });
  }
  const keep = new Set(
    workstreams.map((workstream) => mirrorKeys(programmeId, workstream.code).rowKey),
  );
  // A plan imported again mostly leaves its owners' copies as they were; Azurite rewrites a
  // replaced row at a cost that grows with its table, so only those that differ are written.
  const stored = new Map(
    (
      await queryRows(
        tables.summaries,
        `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', 'o')}`,
      )
    ).map((row) => [row.rowKey ?? '', row]),
  );
  for (let i = 0; i < workstreams.length; i += 4) {
    const owned = await Promise.all(
      workstreams
        .slice(i, i + 4)
        .map((workstream) =>
          refreshWorkstream(
            tables,
            version,
            workstream,
            positionOf.get(codeKey(workstream.code)),
            stored,
          ),
        ),
    );
    for (const rowKey of owned.flat()) keep.add(rowKey);
  }
  const copies = await queryRows(tables.summaries, inPartition(codeKey(programmeId)), [
    'PartitionKey',
    'RowKey',
  ]);
  await writeInBatches(
    tables.summaries,
    copies
      .filter((row) => !keep.has(row.rowKey ?? ''))
      .map((row) => ['delete', { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' }]),
  );
}

/** Whether a stored row has exactly the columns and values of `row`. */
function sameColumns(row: Row, stored: ReadRow | undefined): boolean {
  if (!stored) return false;
  const storedNames = Object.keys(stored).filter((name) => !isServiceColumn(name));
  const names = Object.keys(row).filter((name) => !isServiceColumn(name));
  return storedNames.length === names.length && names.every((name) => stored[name] === row[name]);
}
