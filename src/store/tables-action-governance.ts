import { odata, type TableClient } from '@azure/data-tables';
import type { ActionGovernanceReader } from './action-governance.repository.js';
import { codeKey } from './keys.js';
import { byAskedAt } from './revision.repository.js';
import { inPartition, startsWith } from './tables-layout.js';
import { requestFromRow } from './tables-revision.repository.js';
import { sortTicks, tickFromRow, tickKeys, tickRow } from './tables-step-tick.repository.js';
import {
  azureStatus,
  createRow,
  deleteRow,
  queryRows,
  unexpected,
  type ReadRow,
} from './tables-support.js';

/**
 * One action's requests (`r|id`, filtered by their `ref` column) and ticks (`t|REF|letter`),
 * both in the programme's partition of the revisions table: one query.
 */
export function createTablesActionGovernanceReader(revisions: TableClient): ActionGovernanceReader {
  return {
    async ofAction(programmeId, ref) {
      const requests = `${startsWith('RowKey', 'r')} and ${odata`ref eq ${codeKey(ref)}`}`;
      const ticks = startsWith('RowKey', tickKeys.of(ref));
      const rows = await queryRows(
        revisions,
        `${inPartition(codeKey(programmeId))} and ((${requests}) or (${ticks}))`,
      );
      const isTick = (row: ReadRow): boolean => (row.rowKey ?? '').startsWith('t|');
      return {
        requests: rows
          .filter((row) => !isTick(row))
          .map(requestFromRow)
          .sort(byAskedAt),
        ticks: sortTicks(rows.filter(isTick).map(tickFromRow)),
      };
    },
  };
}

/**
 * Ticks were kept in a table of their own until they moved beside the requests. Each one
 * still there is created in its new place (where a tick of the same step made since is
 * kept) and only then deleted from the old, so a start cut short loses none: the next
 * start copies what is left. Run by every store's start; with nothing left, one query.
 */
export async function moveOldStepTicks(from: TableClient, to: TableClient): Promise<void> {
  let rows: ReadRow[];
  try {
    rows = [];
    for await (const row of from.listEntities<Record<string, unknown>>()) rows.push(row);
  } catch (error) {
    throw unexpected(`reading the step ticks of ${from.tableName} to move them`, error);
  }
  for (const row of rows) {
    const tick = tickFromRow(row);
    try {
      await createRow(to, tickRow(tick));
    } catch (error) {
      if (azureStatus(error) !== 409) {
        throw unexpected(`moving the tick of step ${tick.letter}) of ${tick.ref}`, error);
      }
    }
    try {
      await deleteRow(from, row.partitionKey ?? '', row.rowKey ?? '');
    } catch (error) {
      if (azureStatus(error) !== 404) {
        throw unexpected(`removing the moved tick of step ${tick.letter}) of ${tick.ref}`, error);
      }
    }
  }
}
