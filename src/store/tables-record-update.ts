import { odata, type TableTransactionResponse, type TransactionAction } from '@azure/data-tables';
import type { Workstream } from '../domain/programme.js';
import type { Action } from '../domain/action.js';
import { changeSummary, type StatusSummary } from '../domain/status-summary.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { RecordUpdateResult } from './action.repository.js';
import { assertUpdateFits } from './limits.js';
import { currentRow, historyRow, toAction } from './tables-action-rows.js';
import {
  FENCE_ROW,
  fencedVersion,
  forgetVersion,
  freshVersion,
  isSuperseded,
} from './tables-version-fence.js';
import {
  inPartition,
  locateAction,
  planKeys,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import { codeKey, joinKey } from './keys.js';
import { takeRowsRead } from './tables-rows-read.js';
import { takeAimChecked } from './tables-action-aim.js';
import { UNRATED_ETAG } from './memory-state.js';
import {
  keptSummary,
  ownedRow,
  type KeptSummary,
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
  transact,
  unexpected,
  type ReadRow,
} from './tables-support.js';

/** Tries before giving up when other updates to the same workstream keep landing first. */
export const ATTEMPTS = 8;

/**
 * Records an update as one transaction in the action's workstream partition: its status row
 * at the caller's ETag, the history row, and the workstream's summary at the ETag it was read
 * with. The three rows it needs are read in one query beforehand (usually by the form's
 * check, aimed by the card), so a Save costs that query, the transaction and the summary's copy.
 */
export async function recordUpdateInTables(
  tables: TablesContext,
  update: StatusUpdate,
  expectedEtag: string,
): Promise<RecordUpdateResult> {
  assertUpdateFits(update);
  // The version a form's aim was just checked at, else the programme's (read within the
  // second, or now); the transaction's fence check catches either being superseded.
  const aimed = takeAimChecked(tables, update.programmeId, update.ref);
  let seen =
    aimed === null
      ? await fencedVersion(tables, update.programmeId)
      : { version: aimed, fresh: false };
  for (let attempt = 1; ; attempt += 1) {
    const located = await locateAction(tables, update.programmeId, update.ref, seen.version);
    const target = located && (await readTarget(tables, update, located, expectedEtag));
    // Aimed by a version a newer plan has replaced: aim again by a fresh read of it.
    if (!target || isSuperseded(target.fence, target.version)) {
      if (seen.fresh) return { ok: false, code: 'ACTION_NOT_FOUND' };
      forgetVersion(tables, update.programmeId);
      seen = { version: await freshVersion(tables, update.programmeId), fresh: true };
      continue;
    }
    const { partition, table, definition, status, agreed } = target;
    const current = currentRow(update, partition);
    assertRowFits(current, `the current status of ${update.ref}`);
    const before = toAction(definition, status, agreed);
    if (before.etag !== expectedEtag) return { ok: false, code: 'STALE_UPDATE', current: before };
    const after = toAction(
      definition,
      { ...current, proposedDue: update.proposedDue ?? status?.proposedDue ?? null },
      agreed,
    );
    const { next, checks } = summaryAndFence(target, before.value, after.value);
    const actions: TransactionAction[] = [
      status === null ? ['create', current] : ['update', current, 'Merge', { etag: expectedEtag }],
      ['create', historyRow(update, partition)],
      ...checks,
    ];
    let response: TableTransactionResponse;
    try {
      response = await transact(table, actions);
    } catch (error) {
      // 412: the status row, the summary or the fence moved on; 409: someone rated it first,
      // this update is already stored, or a fence was set up meanwhile; 404: a row named by
      // ETag is gone. Read again: a moved status row is a stale card, a moved summary only
      // someone else's update elsewhere, a moved fence a new plan.
      if ([404, 409, 412].includes(azureStatus(error) ?? 0) && attempt < ATTEMPTS) continue;
      throw unexpected(`recording update ${update.id} for ${update.ref}`, error);
    }
    // Sub-responses come in the order of the operations; Azurite leaves out their row keys.
    const etag = response.subResponses[0]?.etag;
    const written = etag
      ? { ...current, proposedDue: update.proposedDue ?? status?.proposedDue ?? null, etag }
      : await readRow(table, partition, statusKeys.current(update.ref));
    const recorded = toAction(definition, written, agreed);
    const owned = ownedRow(update.programmeId, { ...recorded.value, current: null }, written);
    const copied =
      next !== null &&
      (await writeCopies(tables, update.programmeId, located.workstream, next, owned));
    if (!copied) await refreshOne(tables, update.programmeId, located.version, located.workstream);
    return { ok: true, action: recorded };
  }
}

/** The definition, status, approved date, summary and fence of the action's partition. */
async function readTarget(
  tables: TablesContext,
  update: StatusUpdate,
  located: { readonly version: string; readonly workstream: string },
  expectedEtag: string,
) {
  const partition = statusKeys.partition(update.programmeId, located.workstream);
  const definitionKey = statusKeys.definition(located.version, update.ref);
  // What the form's check read a moment ago, when it is still what the card was drawn from.
  const kept = takeRowsRead(tables, joinKey(partition, definitionKey));
  const keptStatus = kept?.get(statusKeys.current(update.ref)) ?? null;
  const usable =
    kept?.has(definitionKey) === true &&
    kept.has(SUMMARY_ROW) &&
    (keptStatus?.etag ?? UNRATED_ETAG) === expectedEtag;
  return actionRows(tables, update.programmeId, update.ref, located, usable ? kept : null);
}

/**
 * The rows a write to one action works from, in one query of its workstream's partition
 * (or from `read`, rows a read just made of it): its definition, status and approved date,
 * the workstream's summary and the fence. Null when the version has no such action.
 */
export async function actionRows(
  tables: TablesContext,
  programmeId: string,
  ref: string,
  located: { readonly version: string; readonly workstream: string },
  read: ReadonlyMap<string, ReadRow> | null = null,
) {
  const partition = statusKeys.partition(programmeId, located.workstream);
  const table = tables.status(partition);
  const keys = {
    definition: statusKeys.definition(located.version, ref),
    status: statusKeys.current(ref),
    agreed: statusKeys.agreed(ref),
  };
  const rows =
    read ??
    (await readRowsByKey(table, partition, [
      keys.definition,
      keys.status,
      keys.agreed,
      SUMMARY_ROW,
      FENCE_ROW,
    ]));
  const definition = rows.get(keys.definition);
  if (!definition) return null;
  return {
    version: located.version,
    partition,
    table,
    definition,
    status: rows.get(keys.status) ?? null,
    agreed: rows.get(keys.agreed) ?? null,
    kept: keptSummary(rows.get(SUMMARY_ROW)),
    fence: rows.get(FENCE_ROW) ?? null,
  };
}

/**
 * What a change of one action from `before` to `after` does to its workstream's summary, and
 * the steps its transaction adds for it: the fence checked and, where the workstream keeps a
 * summary, the summary replaced at the ETag it was read with.
 */
export function summaryAndFence(
  target: {
    readonly partition: string;
    readonly version: string;
    readonly fence: ReadRow | null;
    readonly kept: KeptSummary | null;
  },
  before: Action,
  after: Action,
): { readonly next: { summary: StatusSummary; seq: number } | null; checks: TransactionAction[] } {
  const { partition, kept } = target;
  const checks: TransactionAction[] = [fenceCheck(partition, target.version, target.fence)];
  if (!kept) return { next: null, checks };
  const next = { summary: changeSummary(kept.summary, before, after), seq: kept.seq + 1 };
  checks.push([
    'update',
    summaryRow(partition, next.summary, next.seq),
    'Replace',
    { etag: kept.etag },
  ]);
  return { next, checks };
}

/**
 * The fence as read, checked by the transaction: unchanged (ETag), or, where there is none
 * yet, created, so a promotion raising it meanwhile makes this transaction fail.
 */
export function fenceCheck(
  partition: string,
  version: string,
  fence: ReadRow | null,
): TransactionAction {
  const row = { partitionKey: partition, rowKey: FENCE_ROW };
  return fence ? ['update', row, 'Merge', { etag: fence.etag }] : ['create', { ...row, version }];
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
export async function refreshOne(
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
