import { codeKey, compareRefs } from './keys.js';
import type { SummaryRepository, WorkstreamSummary } from './summary.repository.js';
import { activeVersion, inPartition, startsWith, type TablesContext } from './tables-layout.js';
import { getSummary } from './tables-summary-columns.js';
import { mirrorKeys, refreshSummaries } from './tables-summary.js';
import { queryRows, readRow, type ReadRow } from './tables-support.js';

const toSummary = (row: ReadRow): WorkstreamSummary => ({
  code: String(row.code),
  name: String(row.name),
  summary: getSummary(row),
});

/** The plan's order; copies written before positions were kept fall back to the codes'. */
const positionOf = (row: ReadRow): number =>
  typeof row.position === 'number' ? row.position : Number.MAX_SAFE_INTEGER;

/** Reads the copies in the `summaries` table (see tables-summary.ts for how they are kept). */
export function createTablesSummaryRepository(tables: TablesContext): SummaryRepository {
  const list = async (programmeId: string) =>
    (
      await queryRows(
        tables.summaries,
        `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', 'w')}`,
      )
    )
      .sort((a, b) => positionOf(a) - positionOf(b) || compareRefs(String(a.code), String(b.code)))
      .map(toSummary);
  return {
    async listByProgramme(programmeId) {
      const found = await list(programmeId);
      if (found.length > 0) return found;
      // A plan stored before summaries were kept gets them on its first read.
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      await refreshSummaries(tables, programmeId, version);
      return list(programmeId);
    },
    async get(programmeId, code) {
      const keys = mirrorKeys(programmeId, code);
      const row = await readRow(tables.summaries, keys.partitionKey, keys.rowKey);
      return row ? toSummary(row) : null;
    },
  };
}
