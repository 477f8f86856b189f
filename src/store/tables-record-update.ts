import { odata, type TableTransactionResponse, type TransactionAction } from '@azure/data-tables';
import type { Workstream } from '../domain/programme.js';
import { changeSummary } from '../domain/status-summary.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { RecordUpdateResult } from './action.repository.js';
import { assertUpdateFits } from './limits.js';
import { currentRow, historyRow, toAction } from './tables-action-rows.js';
import {
  inPartition,
  locateAction,
  planKeys,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import { codeKey } from './keys.js';
import {
  keptSummary,
  ownedRow,
  refreshWorkstream,
  SUMMARY_ROW,
  summaryRow,
  writeCopies,
} from './tables-summary.js';
import {
  assertRowFits,
  azureStatus,
  getJson,
  queryWorkstreamRows,
  readRow,
  unexpected,
  type ReadRow,
} from './tables-support.js';

/** Tries before giving up when other updates to the same workstream keep landing first. */
const ATTEMPTS = 8;

/**
 * Records an update as one transaction in the action's workstream partition: its status row
 * at the caller's ETag, the history row, and the workstream's summary at the ETag it was read
 * with. The three rows it needs are read in one query beforehand, so a Save costs the
 * pointer to the active plan, that query, the transaction and the summary's copy.
 */
export async function recordUpdateInTables(
  tables: TablesContext,
  update: StatusUpdate,
  expectedEtag: string,
): Promise<RecordUpdateResult> {
  const located = await locateAction(tables, update.programmeId, update.ref);
  if (!located) return { ok: false, code: 'ACTION_NOT_FOUND' };
  assertUpdateFits(update);
  const partition = statusKeys.partition(update.programmeId, located.workstream);
  const table = tables.status(partition);
  const history = historyRow(update, partition);
  const current = currentRow(update, partition);
  assertRowFits(current, `the current status of ${update.ref}`);
  const keys = {
    definition: statusKeys.definition(located.version, update.ref),
    status: statusKeys.current(update.ref),
  };
  for (let attempt = 1; ; attempt += 1) {
    const rows = await readRowsByKey(table, partition, [keys.definition, keys.status, SUMMARY_ROW]);
    const definition = rows.get(keys.definition);
    if (!definition) return { ok: false, code: 'ACTION_NOT_FOUND' };
    const status = rows.get(keys.status) ?? null;
    const before = toAction(definition, status);
    if (before.etag !== expectedEtag) return { ok: false, code: 'STALE_UPDATE', current: before };
    const after = toAction(definition, {
      ...current,
      proposedDue: update.proposedDue ?? status?.proposedDue ?? null,
    });
    const kept = keptSummary(rows.get(SUMMARY_ROW));
    const next = kept && {
      summary: changeSummary(kept.summary, before.value, after.value),
      seq: kept.seq + 1,
    };
    const actions: TransactionAction[] = [
      status === null ? ['create', current] : ['update', current, 'Merge', { etag: expectedEtag }],
      ['create', history],
    ];
    if (kept && next) {
      actions.push([
        'update',
        summaryRow(partition, next.summary, next.seq),
        'Replace',
        { etag: kept.etag },
      ]);
    }
    let response: TableTransactionResponse;
    try {
      response = await table.submitTransaction(actions);
    } catch (error) {
      // 412: the status row or the summary moved on; 409: someone rated it first or this
      // update is already stored; 404: a row named by ETag is gone. Read again: a moved
      // status row is a stale card, a moved summary is only someone else's update elsewhere.
      if ([404, 409, 412].includes(azureStatus(error) ?? 0) && attempt < ATTEMPTS) continue;
      throw unexpected(`recording update ${update.id} for ${update.ref}`, error);
    }
    const etag = response.subResponses.find((r) => r.rowKey === keys.status)?.etag;
    const written = etag
      ? { ...current, proposedDue: update.proposedDue ?? status?.proposedDue ?? null, etag }
      : await readRow(table, partition, keys.status);
    const recorded = toAction(definition, written);
    const owned = ownedRow(update.programmeId, { ...recorded.value, current: null }, written);
    const copied =
      next !== null &&
      (await writeCopies(tables, update.programmeId, located.workstream, next, owned));
    if (!copied) await refreshOne(tables, update.programmeId, located.version, located.workstream);
    return { ok: true, action: recorded };
  }
}

/** These rows of one partition, by row key, in one query. */
async function readRowsByKey(
  table: ReturnType<TablesContext['status']>,
  partition: string,
  rowKeys: readonly string[],
): Promise<Map<string, ReadRow>> {
  const named = rowKeys.map((rowKey) => odata`RowKey eq ${rowKey}`).join(' or ');
  const rows = await queryWorkstreamRows(table, `${inPartition(partition)} and (${named})`);
  return new Map(rows.map((row) => [row.rowKey ?? '', row]));
}

/** A workstream written before summaries were kept gets its summary now. */
async function refreshOne(
  tables: TablesContext,
  programmeId: string,
  version: string,
  code: string,
): Promise<void> {
  const row = await readRow(
    tables.plans,
    planKeys.workstreams(programmeId, version),
    codeKey(code),
  );
  if (row) await refreshWorkstream(tables, version, getJson<Workstream>(row, 'json'));
}
