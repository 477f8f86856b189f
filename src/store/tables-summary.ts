import type { Workstream } from '../domain/programme.js';
import { summarise, type StatusSummary } from '../domain/status-summary.js';
import { codeKey, joinKey } from './keys.js';
import { combine, packsAndStatus } from './tables-action-rows.js';
import { inPartition, planKeys, statusKeys, type TablesContext } from './tables-layout.js';
import {
  azureStatus,
  getJson,
  putJson,
  queryRows,
  queryWorkstreamRows,
  readRow,
  unexpected,
  writeInBatches,
  type ReadRow,
  type Row,
} from './tables-support.js';
import { odata } from '@azure/data-tables';

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
    summary: getJson<StatusSummary>(row, 'json'),
    seq: Number(row.seq ?? 0),
    etag: row.etag,
  };
}

/** The partition's summary row, to write in a transaction. */
export function summaryRow(partitionKey: string, summary: StatusSummary, seq: number): Row {
  const row: Row = { partitionKey, rowKey: SUMMARY_ROW, seq };
  putJson(row, 'json', summary);
  return row;
}

/** The copy's key for this workstream. */
export function mirrorKeys(programmeId: string, workstream: string) {
  return { partitionKey: codeKey(programmeId), rowKey: codeKey(workstream) };
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
 * there. Without `code` and `name` the row is merged (the copy must exist); false then says it
 * did not, and the caller refreshes the workstream instead.
 */
export async function writeMirror(
  tables: TablesContext,
  programmeId: string,
  workstream: string,
  next: { summary: StatusSummary; seq: number; name?: string },
): Promise<boolean> {
  const keys = mirrorKeys(programmeId, workstream);
  const row: Row = { ...keys, seq: next.seq };
  putJson(row, 'json', next.summary);
  if (next.name !== undefined) Object.assign(row, { code: workstream, name: next.name });
  const mode = next.name === undefined ? 'Merge' : 'Replace';
  const memo = writtenBy(tables);
  const memoKey = `${keys.partitionKey}/${keys.rowKey}`;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const known = memo.get(memoKey);
    try {
      if (known && known.seq >= next.seq) return true;
      if (known) {
        const response = await tables.summaries.updateEntity(row, mode, { etag: known.etag });
        memo.set(memoKey, { etag: response.etag ?? '', seq: next.seq });
        return true;
      }
      const there = await readRow(tables.summaries, keys.partitionKey, keys.rowKey);
      if (there && Number(there.seq ?? 0) >= next.seq) return true;
      if (!there && next.name === undefined) return false;
      const response = there
        ? await tables.summaries.updateEntity(row, mode, { etag: there.etag })
        : await tables.summaries.createEntity(row);
      memo.set(memoKey, { etag: response.etag ?? '', seq: next.seq });
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
): Promise<void> {
  const partition = statusKeys.partition(workstream.programmeId, workstream.code);
  await tables.createStatusTable(partition);
  const table = tables.status(partition);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const rows = await queryWorkstreamRows(
      table,
      `${inPartition(partition)} and (${packsAndStatus} or ${odata`RowKey eq ${SUMMARY_ROW}`})`,
    );
    const summary = summarise(combine(version, rows).map((action) => action.value));
    const kept = keptSummary(rows.find((row) => row.rowKey === SUMMARY_ROW));
    const seq = (kept?.seq ?? 0) + 1;
    try {
      if (kept) {
        await table.updateEntity(summaryRow(partition, summary, seq), 'Replace', {
          etag: kept.etag,
        });
      } else {
        await table.createEntity(summaryRow(partition, summary, seq));
      }
    } catch (error) {
      if ([409, 412].includes(azureStatus(error) ?? 0)) continue;
      throw unexpected(`summarising ${workstream.programmeId} ${workstream.code}`, error);
    }
    await writeMirror(tables, workstream.programmeId, workstream.code, {
      summary,
      seq,
      name: workstream.name,
    });
    return;
  }
  throw new Error(`Workstream ${workstream.code} kept changing while it was summarised.`);
}

/** Refreshes every workstream of this plan version and drops copies of workstreams it lacks. */
export async function refreshSummaries(
  tables: TablesContext,
  programmeId: string,
  version: string,
): Promise<void> {
  const workstreams = (
    await queryRows(tables.plans, inPartition(planKeys.workstreams(programmeId, version)))
  ).map((row) => getJson<Workstream>(row, 'json'));
  for (let i = 0; i < workstreams.length; i += 4) {
    await Promise.all(
      workstreams
        .slice(i, i + 4)
        .map((workstream) => refreshWorkstream(tables, version, workstream)),
    );
  }
  const kept = new Set(workstreams.map((workstream) => codeKey(workstream.code)));
  const copies = await queryRows(tables.summaries, inPartition(codeKey(programmeId)), [
    'PartitionKey',
    'RowKey',
  ]);
  await writeInBatches(
    tables.summaries,
    copies
      .filter((row) => !kept.has(row.rowKey ?? ''))
      .map((row) => ['delete', { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' }]),
  );
}
