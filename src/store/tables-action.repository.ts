import { odata } from '@azure/data-tables';
import type { Action } from '../domain/action.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { ActionRepository, RecordUpdateResult } from './action.repository.js';
import { codeKey, joinKey } from './keys.js';
import { assertUpdateFits } from './limits.js';
import { byNewest, byWorkstreamThenRef, UNRATED_ETAG } from './memory-state.js';
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
  queryRows,
  queryWorkstreamRows,
  readRow,
  unexpected,
  type ReadRow,
} from './tables-support.js';
import { currentRow, historyRow, planPartitions, toAction } from './tables-action-rows.js';

export function createTablesActionRepository(tables: TablesContext): ActionRepository {
  /** Definitions of the active version (from its packs) with their status rows. */
  const combine = (version: string | null, rows: readonly ReadRow[]) => {
    if (version === null) return [];
    const packPrefix = joinKey('c', version, '');
    const status = new Map(rows.map((row) => [row.rowKey ?? '', row]));
    return rows
      .filter((row) => (row.rowKey ?? '').startsWith(packPrefix))
      .flatMap((row) => getJson<Action[]>(row, 'json'))
      .map((action) => toAction(action, status.get(statusKeys.current(action.ref)) ?? null));
  };
  // Packs (`c|…`) and status rows (`s|…`): neither single definitions nor history.
  const packsAndStatus =
    `(${odata`RowKey lt ${statusKeys.definitionsStart}`} or ` + `${startsWith('RowKey', 's')})`;
  const readPartition = (partition: string, filter: string) =>
    queryWorkstreamRows(tables.status(partition), `${inPartition(partition)} and ${filter}`);

  const repository: ActionRepository = {
    async listByWorkstream(programmeId, workstream) {
      // One partition query; the version pointer is read alongside it, not before it.
      const [version, rows] = await Promise.all([
        activeVersion(tables, programmeId),
        readPartition(statusKeys.partition(programmeId, workstream), packsAndStatus),
      ]);
      return combine(version, rows).sort(byWorkstreamThenRef);
    },

    async listByProgramme(programmeId) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const { partitions } = await planPartitions(tables, programmeId, version);
      const rows = await Promise.all(partitions.map((p) => readPartition(p, packsAndStatus)));
      return rows.flatMap((list) => combine(version, list)).sort(byWorkstreamThenRef);
    },

    async listByOwnerRoles(programmeId, roles) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const owned = await Promise.all(
        roles.map((role) =>
          queryRows(tables.owners, inPartition(planKeys.owner(programmeId, version, role))),
        ),
      );
      const actions = owned.flat().map((row) => getJson<Action>(row, 'json'));
      const byPartition = new Map<string, Action[]>();
      for (const action of actions) {
        const partition = statusKeys.partition(programmeId, action.workstream);
        byPartition.set(partition, [...(byPartition.get(partition) ?? []), action]);
      }
      // Status rows by name, a workstream at a time: Azure allows 15 comparisons a query.
      const queries = [...byPartition].flatMap(([partition, list]) =>
        chunk(list, 14).map((part) =>
          readPartition(
            partition,
            `(${part.map((a) => odata`RowKey eq ${statusKeys.current(a.ref)}`).join(' or ')})`,
          ),
        ),
      );
      const statuses = new Map(
        (await Promise.all(queries))
          .flat()
          .map((row) => [`${row.partitionKey}/${row.rowKey}`, row]),
      );
      return actions
        .map((action) => {
          const partition = statusKeys.partition(programmeId, action.workstream);
          const key = `${partition}/${statusKeys.current(action.ref)}`;
          return toAction(action, statuses.get(key) ?? null);
        })
        .sort(byWorkstreamThenRef);
    },

    async get(programmeId, ref) {
      const located = await locateAction(tables, programmeId, ref);
      if (!located) return null;
      const partition = statusKeys.partition(programmeId, located.workstream);
      const table = tables.status(partition);
      const [definition, status] = await Promise.all([
        readRow(table, partition, statusKeys.definition(located.version, ref)),
        readRow(table, partition, statusKeys.current(ref)),
      ]);
      return definition ? toAction(definition, status) : null;
    },

    async history(programmeId, ref) {
      const located = await locateAction(tables, programmeId, ref);
      if (!located) return [];
      const partition = statusKeys.partition(programmeId, located.workstream);
      const rows = await readPartition(partition, startsWith('RowKey', statusKeys.historyOf(ref)));
      return rows.map((row) => getJson<StatusUpdate>(row, 'json'));
    },

    async historyOfProgramme(programmeId) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const { partitions, refs } = await planPartitions(tables, programmeId, version);
      const rows = await Promise.all(
        partitions.map((p) => readPartition(p, startsWith('RowKey', 'u'))),
      );
      return rows
        .flat()
        .map((row) => getJson<StatusUpdate>(row, 'json'))
        .filter((update) => refs.has(codeKey(update.ref)))
        .sort(byNewest);
    },

    async recordUpdate(update, expectedEtag): Promise<RecordUpdateResult> {
      const located = await locateAction(tables, update.programmeId, update.ref);
      if (!located) return { ok: false, code: 'ACTION_NOT_FOUND' };
      assertUpdateFits(update);
      const partition = statusKeys.partition(update.programmeId, located.workstream);
      const table = tables.status(partition);
      const history = historyRow(update, partition);
      const current = currentRow(update, partition);
      assertRowFits(current, `the current status of ${update.ref}`);
      // The ETag comes from card data: "*" would match any version and skip the stale check,
      // and anything else that is not an ETag this table wrote cannot be the card's version.
      if (expectedEtag !== UNRATED_ETAG && !AZURE_TABLE_ETAG.test(expectedEtag)) {
        const now = await repository.get(update.programmeId, update.ref);
        return now
          ? { ok: false, code: 'STALE_UPDATE', current: now }
          : { ok: false, code: 'ACTION_NOT_FOUND' };
      }
      try {
        await table.submitTransaction([
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
        readRow(table, partition, statusKeys.definition(located.version, update.ref)),
        readRow(table, partition, statusKeys.current(update.ref)),
      ]);
      if (!definition) return { ok: false, code: 'ACTION_NOT_FOUND' };
      return { ok: true, action: toAction(definition, status) };
    },
  };
  return repository;
}

/** What Azure Tables writes as an entity's ETag: `W/"datetime'2021-03-01T10%3A42%3A00.1Z'"`. */
const AZURE_TABLE_ETAG = /^W\/"datetime'[0-9A-Za-z%.:-]+'"$/;

function chunk<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );
}
