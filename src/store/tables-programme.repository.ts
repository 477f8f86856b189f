import type { Programme, Workstream } from '../domain/programme.js';
import { noteVersionRead } from './tables-version-fence.js';
import { codeKey, compareRefs } from './keys.js';
import type { ProgrammeRepository, WorkstreamRepository } from './programme.repository.js';
import { planRows } from './tables-plan-memo.js';
import { planKeys, PROGRAMME_PARTITION, type TablesContext } from './tables-layout.js';
import type { ProgrammeTableReads } from './tables-programme-reads.js';
import {
  activePartitions,
  announceSettings,
  copySettings,
  SEQ_COLUMN,
  stampOfRow,
} from './tables-settings-copy.js';
import {
  assertRowFits,
  azureStatus,
  createRow,
  getJson,
  putJson,
  readRow,
  unexpected,
  updateRow,
  type Row,
} from './tables-support.js';

export function createTablesProgrammeRepository(
  tables: TablesContext,
  reads: ProgrammeTableReads,
): ProgrammeRepository {
  return {
    async get(programmeId) {
      const row = await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey(programmeId));
      noteVersionRead(tables, row ?? { rowKey: codeKey(programmeId) });
      return row ? getJson<Programme>(row, 'json') : null;
    },
    async list() {
      const rows = await reads.programmeRows();
      for (const row of rows) noteVersionRead(tables, row);
      return rows
        .map((row) => getJson<Programme>(row, 'json'))
        .sort((a, b) => compareRefs(a.id, b.id));
    },
    async save(programme) {
      const rowKey = codeKey(programme.id);
      for (;;) {
        const before = await readRow(tables.programmes, PROGRAMME_PARTITION, rowKey);
        const current = stampOfRow(before);
        const stamp = current && { version: current.version, seq: current.seq + 1 };
        const row: Row = { partitionKey: PROGRAMME_PARTITION, rowKey };
        putJson(row, 'json', programme);
        if (stamp) row[SEQ_COLUMN] = stamp.seq;
        assertRowFits(row, `programme ${programme.id}`);
        // Saves read these settings from copies beside their actions: no copy older than the
        // new settings is believed from before they are written (tables-settings-copy.ts).
        const partitions = stamp ? await activePartitions(tables, programme.id, stamp.version) : [];
        if (stamp) await announceSettings(tables, partitions, stamp);
        try {
          // Merged so the active plan version, written only by a plan import, is kept; at the
          // ETag read, so two saves at once get different numbers.
          if (before) await updateRow(tables.programmes, row, 'Merge', { etag: before.etag });
          else await createRow(tables.programmes, row);
        } catch (error) {
          if ([409, 412].includes(azureStatus(error) ?? 0)) continue;
          throw unexpected(`saving programme ${programme.id}`, error);
        }
        if (stamp) await copySettings(tables, partitions, stamp, programme);
        return;
      }
    },
  };
}

export function createTablesWorkstreamRepository(tables: TablesContext): WorkstreamRepository {
  const list = async (programmeId: string): Promise<Workstream[]> => {
    const rows = await planRows(tables, programmeId, {
      partition: planKeys.workstreams,
      neverEmpty: true,
    });
    // The plan's order; a plan stored before positions were kept falls back to the codes'.
    const positionOf = (row: (typeof rows)[number]): number =>
      typeof row['position'] === 'number' ? row['position'] : Number.MAX_SAFE_INTEGER;
    return rows
      .map((row) => ({ position: positionOf(row), workstream: getJson<Workstream>(row, 'json') }))
      .sort((a, b) => a.position - b.position || compareRefs(a.workstream.code, b.workstream.code))
      .map(({ workstream }) => workstream);
  };
  return {
    list,
    // From the plan's few workstreams, read once per plan version (tables-plan-memo.ts).
    async get(programmeId, code) {
      const wanted = codeKey(code);
      return (await list(programmeId)).find((w) => codeKey(w.code) === wanted) ?? null;
    },
  };
}
