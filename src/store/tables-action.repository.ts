import { odata } from '@azure/data-tables';
import type { Action, CurrentStatus } from '../domain/action.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { ActionRepository, RecordUpdateResult } from './action.repository.js';
import { codeKey, joinKey } from './keys.js';
import { assertUpdateFits } from './limits.js';
import { byNewest, byWorkstreamThenRef, toCurrent, UNRATED_ETAG } from './memory-state.js';
import {
  activeVersion,
  inPartition,
  locateAction,
  planKeys,
  startsWith,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  getJson,
  putJson,
  queryRows,
  readRow,
  unexpected,
  type ReadRow,
  type Row,
} from './tables-support.js';
import type { Versioned } from './versioned.js';

/** The action as readers see it: the plan's definition with its status row, if any. */
export function toAction(definition: ReadRow, status: ReadRow | null): Versioned<Action> {
  const action = getJson<Action>(definition, 'json');
  const proposedDue = typeof status?.proposedDue === 'string' ? status.proposedDue : null;
  return {
    value: {
      ...action,
      current: status ? getJson<CurrentStatus>(status, 'current') : null,
      proposedDue: proposedDue ?? action.proposedDue,
    },
    etag: status?.etag ?? UNRATED_ETAG,
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

export function createTablesActionRepository(tables: TablesContext): ActionRepository {
  const statusOf = (programmeId: string, definition: Action) =>
    readRow(
      tables.status,
      statusKeys.partition(programmeId, definition.workstream),
      statusKeys.current(definition.ref),
    );
  /** Definitions of the active version with their status, from rows of the status table. */
  const combine = (version: string | null, rows: readonly ReadRow[]) => {
    if (version === null) return [];
    const definitionPrefix = joinKey('d', version, '');
    const status = new Map(rows.map((row) => [`${row.partitionKey}/${row.rowKey}`, row]));
    return rows
      .filter((row) => (row.rowKey ?? '').startsWith(definitionPrefix))
      .map((row) => {
        const ref = (row.rowKey ?? '').slice(definitionPrefix.length);
        return toAction(row, status.get(`${row.partitionKey}/${joinKey('s', ref)}`) ?? null);
      })
      .sort(byWorkstreamThenRef);
  };
  const belowHistory = odata`RowKey lt ${statusKeys.historyStart}`;

  const repository: ActionRepository = {
    async listByWorkstream(programmeId, workstream) {
      // One partition query; the version pointer is read alongside it, not before it.
      const partition = statusKeys.partition(programmeId, workstream);
      const [version, rows] = await Promise.all([
        activeVersion(tables, programmeId),
        queryRows(tables.status, `${inPartition(partition)} and ${belowHistory}`),
      ]);
      return combine(version, rows);
    },

    async listByProgramme(programmeId) {
      const [version, rows] = await Promise.all([
        activeVersion(tables, programmeId),
        queryRows(
          tables.status,
          `${startsWith('PartitionKey', codeKey(programmeId))} and ${belowHistory}`,
        ),
      ]);
      return combine(version, rows);
    },

    async listByOwnerRoles(programmeId, roles) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const owned = await Promise.all(
        roles.map((role) =>
          queryRows(tables.plans, inPartition(planKeys.owner(programmeId, version, role))),
        ),
      );
      const found = await Promise.all(
        owned.flat().map(async (row) => {
          const status = await statusOf(programmeId, getJson<Action>(row, 'json'));
          return toAction(row, status);
        }),
      );
      return found.sort(byWorkstreamThenRef);
    },

    async get(programmeId, ref) {
      const located = await locateAction(tables, programmeId, ref);
      if (!located) return null;
      const [definition, status] = await Promise.all([
        readRow(
          tables.status,
          statusKeys.partition(programmeId, located.workstream),
          statusKeys.definition(located.version, ref),
        ),
        readRow(
          tables.status,
          statusKeys.partition(programmeId, located.workstream),
          statusKeys.current(ref),
        ),
      ]);
      return definition ? toAction(definition, status) : null;
    },

    async history(programmeId, ref) {
      const located = await locateAction(tables, programmeId, ref);
      if (!located) return [];
      const partition = statusKeys.partition(programmeId, located.workstream);
      const rows = await queryRows(
        tables.status,
        `${inPartition(partition)} and ${startsWith('RowKey', statusKeys.historyOf(ref))}`,
      );
      return rows.map((row) => getJson<StatusUpdate>(row, 'json'));
    },

    async historyOfProgramme(programmeId) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const [refs, rows] = await Promise.all([
        queryRows(tables.plans, inPartition(planKeys.refs(programmeId, version)), ['RowKey']),
        queryRows(
          tables.status,
          `${startsWith('PartitionKey', codeKey(programmeId))} and ${startsWith('RowKey', 'u')}`,
        ),
      ]);
      const inPlan = new Set(refs.map((row) => row.rowKey));
      return rows
        .map((row) => getJson<StatusUpdate>(row, 'json'))
        .filter((update) => inPlan.has(codeKey(update.ref)))
        .sort(byNewest);
    },

    async recordUpdate(update, expectedEtag): Promise<RecordUpdateResult> {
      const located = await locateAction(tables, update.programmeId, update.ref);
      if (!located) return { ok: false, code: 'ACTION_NOT_FOUND' };
      assertUpdateFits(update);
      const partition = statusKeys.partition(update.programmeId, located.workstream);
      const history = historyRow(update, partition);
      const current = currentRow(update, partition);
      assertRowFits(current, `the current status of ${update.ref}`);
      try {
        await tables.status.submitTransaction([
          expectedEtag === UNRATED_ETAG
            ? ['create', current]
            : ['update', current, 'Merge', { etag: expectedEtag }],
          ['create', history],
        ]);
      } catch (error) {
        // 412: the row moved on; 409: someone rated it first; 404: the etag names a row
        // that is not there. All three mean the caller's view is stale.
        if (![404, 409, 412].includes(azureStatus(error) ?? 0)) {
          throw unexpected(`recording update ${update.id} for ${update.ref}`, error);
        }
        const now = await repository.get(update.programmeId, update.ref);
        return now
          ? { ok: false, code: 'STALE_UPDATE', current: now }
          : { ok: false, code: 'ACTION_NOT_FOUND' };
      }
      const [definition, status] = await Promise.all([
        readRow(tables.status, partition, statusKeys.definition(located.version, update.ref)),
        readRow(tables.status, partition, statusKeys.current(update.ref)),
      ]);
      if (!definition) return { ok: false, code: 'ACTION_NOT_FOUND' };
      return { ok: true, action: toAction(definition, status) };
    },
  };
  return repository;
}
