import type { Measure } from '../domain/measure.js';
import type { MeasureValue } from '../domain/measure-value.js';
import { codeKey, encodeKeyPart, historyOrderKey, joinKey } from './keys.js';
import { assertTextFits } from './limits.js';
import type { MeasureRepository } from './measure.repository.js';
import { planRows } from './tables-plan-memo.js';
import { inPartition, planKeys, startsWith, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  getJson,
  putJson,
  queryRows,
  transact,
  unexpected,
  type Row,
} from './tables-support.js';

/**
 * One partition per programme in the measure values table: each value as `v|code|newest-first`,
 * beside an `i|id` row that claims its id. Both are written in one transaction, so a value
 * whose id is already there is refused whole and history never holds it twice.
 */
export const measureValueKeys = {
  partition: (programmeId: string) => codeKey(programmeId),
  value: (value: MeasureValue) => joinKey('v', codeKey(value.code), historyOrderKey(value)),
  valuesOf: (code: string) => joinKey('v', codeKey(code)),
  id: (id: string) => joinKey('i', encodeKeyPart(id)),
};

export function createTablesMeasureRepository(tables: TablesContext): MeasureRepository {
  const values = async (programmeId: string, prefix: string): Promise<MeasureValue[]> => {
    const partition = measureValueKeys.partition(programmeId);
    const rows = await queryRows(
      tables.measureValues,
      `${inPartition(partition)} and ${startsWith('RowKey', prefix)}`,
    );
    return rows
      .map((row) => ({
        key: historyKeyOf(row.rowKey ?? ''),
        value: getJson<MeasureValue>(row, 'json'),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((entry) => entry.value);
  };
  return {
    async list(programmeId) {
      // Plan rows, read once per plan version (tables-plan-memo.ts).
      const rows = await planRows(tables, programmeId, {
        partition: planKeys.measures,
        neverEmpty: false,
      });
      return rows.map((row) => getJson<Measure>(row, 'json'));
    },
    history(programmeId) {
      return values(programmeId, 'v');
    },
    historyOf(programmeId, code) {
      return values(programmeId, measureValueKeys.valuesOf(code));
    },
    async record(value) {
      assertTextFits('note', value.note, `the value of ${value.code}`);
      try {
        await transact(
          tables.measureValues,
          measureValueRows(value).map((row) => ['create', row]),
        );
      } catch (error) {
        // 409: that id is already recorded, and a repeat adds nothing.
        if (azureStatus(error) === 409) return;
        throw unexpected(`recording value ${value.id} of measure ${value.code}`, error);
      }
    },
  };
}

/** The value's row and the row claiming its id. */
export function measureValueRows(value: MeasureValue): Row[] {
  const partitionKey = measureValueKeys.partition(value.programmeId);
  const row: Row = { partitionKey, rowKey: measureValueKeys.value(value) };
  putJson(row, 'json', value);
  assertRowFits(row, `the value of ${value.code}`);
  return [row, { partitionKey, rowKey: measureValueKeys.id(value.id), valueRow: row.rowKey }];
}

/** Newest first across measures: the part of `v|code|order` after the code. */
function historyKeyOf(rowKey: string): string {
  return rowKey.split('|').slice(2).join('|');
}

/** The plan's measures as rows of its version, in plan order. */
export function measureDefinitionRows(
  programmeId: string,
  version: string,
  measures: readonly Measure[],
): Row[] {
  return measures.map((measure, index) => {
    const row: Row = {
      partitionKey: planKeys.measures(programmeId, version),
      rowKey: String(index).padStart(5, '0'),
    };
    putJson(row, 'json', measure);
    assertRowFits(row, `measure ${measure.code}`);
    return row;
  });
}
