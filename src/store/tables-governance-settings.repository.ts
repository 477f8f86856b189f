import type { TableClient } from '@azure/data-tables';
import type { ProgrammeGovernance } from '../domain/deciders.js';
import type { GovernanceSettingsRepository } from './governance-settings.repository.js';
import { codeKey } from './keys.js';
import { getJson, putJson, readRow, unexpected, upsertRow, type Row } from './tables-support.js';

/** Every programme's settings in one partition, one row each: a point read per turn. */
const PARTITION = 'governance';

/** {@link GovernanceSettingsRepository} on Azure Tables. */
export function createTablesGovernanceSettingsRepository(
  table: TableClient,
): GovernanceSettingsRepository {
  return {
    async get(programmeId) {
      const row = await readRow(table, PARTITION, codeKey(programmeId));
      return row ? getJson<ProgrammeGovernance>(row, 'governance') : null;
    },
    async save(governance) {
      const row: Row = { partitionKey: PARTITION, rowKey: codeKey(governance.programmeId) };
      putJson(row, 'governance', governance);
      try {
        await upsertRow(table, row, 'Replace');
      } catch (error) {
        throw unexpected(`saving the governance of ${governance.programmeId}`, error);
      }
    },
  };
}
