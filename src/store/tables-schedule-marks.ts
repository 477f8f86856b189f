import { odata } from '@azure/data-tables';
import { codeKey } from './keys.js';
import type { ScheduleMarkRepository } from './schedule-marks.repository.js';
import {
  inPartition,
  PROGRAMME_PARTITION,
  startsWith,
  type TablesContext,
} from './tables-layout.js';
import { queryRows, unexpected, upsertRow } from './tables-support.js';

/**
 * In the programmes table beside the programme rows: one row per programme, rewritten by
 * each change that leaves no other mark (`ScheduleMarkRepository.touch`).
 */
export const CHANGES_PARTITION = 'changes';

/**
 * A programme's mark is read in two queries sent together: its programme row and its
 * changes row (ETags: settings, calendar and the active plan version, which an import
 * switches; roles, away, board channels, governance), and the `seq` of each workstream's
 * summary copy, which every Save raises in a write it makes anyway.
 */
export function createTablesScheduleMarks(tables: TablesContext): ScheduleMarkRepository {
  return {
    async read(programmeId) {
      const key = codeKey(programmeId);
      const [programme, summaries] = await Promise.all([
        queryRows(
          tables.programmes,
          odata`(PartitionKey eq ${PROGRAMME_PARTITION} or PartitionKey eq ${CHANGES_PARTITION}) and RowKey eq ${key}`,
          ['PartitionKey'],
        ),
        queryRows(tables.summaries, `${inPartition(key)} and ${startsWith('RowKey', 'w')}`, [
          'RowKey',
          'seq',
        ]),
      ]);
      const parts = [
        ...programme.map((row) => `${String(row.partitionKey)}@${row.etag}`).sort(),
        ...summaries.map((row) => `${String(row.rowKey)}:${String(row.seq)}`).sort(),
      ];
      return parts.join('\n');
    },
    async touch(programmeId) {
      const row = {
        partitionKey: CHANGES_PARTITION,
        rowKey: codeKey(programmeId),
        at: new Date().toISOString(),
      };
      try {
        await upsertRow(tables.programmes, row, 'Replace');
      } catch (error) {
        throw unexpected(`marking a change to ${programmeId}`, error);
      }
    },
  };
}
