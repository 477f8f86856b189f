import { odata } from '@azure/data-tables';
import type { StatusUpdate } from '../domain/status-update.js';
import type { ActionRepository } from './action.repository.js';
import { codeKey, compareRefs, decodeKeyPart } from './keys.js';
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
import { listOwnedCopies } from './tables-owned-copies.js';
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

    async listRefs(programmeId) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const rows = await queryRows(tables.plans, inPartition(planKeys.refs(programmeId, version)), [
        'RowKey',
        'ref',
      ]);
      // A plan stored before the index kept the spelling gives its key, in capitals.
      return rows
        .map((row) => (typeof row.ref === 'string' ? row.ref : decodeKeyPart(row.rowKey ?? '')))
        .sort(compareRefs);
    },

    listByOwnerRoles: (programmeId, roles) => listOwnedCopies(tables, programmeId, roles),

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
