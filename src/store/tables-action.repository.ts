import { odata } from '@azure/data-tables';
import type { Action } from '../domain/action.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { ActionRepository } from './action.repository.js';
import { codeKey } from './keys.js';
import { byNewest, byWorkstreamThenRef } from './memory-state.js';
import {
  activeVersion,
  inPartition,
  locateAction,
  planKeys,
  startsWith,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import { getJson, queryRows, queryWorkstreamRows } from './tables-support.js';
import { combine, packsAndStatus, planPartitions, toAction } from './tables-action-rows.js';
import { recordUpdateInTables } from './tables-record-update.js';

export function createTablesActionRepository(tables: TablesContext): ActionRepository {
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
      // Both rows in one query: one request, not two.
      const definitionKey = statusKeys.definition(located.version, ref);
      const statusKey = statusKeys.current(ref);
      const rows = await queryWorkstreamRows(
        table,
        `${inPartition(partition)} and (${odata`RowKey eq ${definitionKey}`} or ${odata`RowKey eq ${statusKey}`})`,
      );
      const definition = rows.find((row) => row.rowKey === definitionKey);
      const status = rows.find((row) => row.rowKey === statusKey) ?? null;
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

    recordUpdate: (update, expectedEtag) => recordUpdateInTables(tables, update, expectedEtag),
  };
  return repository;
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );
}
