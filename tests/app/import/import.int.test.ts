import { describe, expect, inject, it } from 'vitest';
import { readXlsxWorkbook } from '../../../src/app/import/read-xlsx.js';
import { createTablesStore } from '../../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { ADMIN, importHarness, snapshot } from './import-harness.js';
import { readFixture, xlsxFromFolder } from './plan-workbooks.js';

async function tablesStore() {
  return createTablesStore({
    connection: { connectionString: inject('azuriteConnectionString') },
    tablePrefix: uniqueTablePrefix('imp'),
  });
}

const programme = { programmeId: 'wsoa', programmeName: 'Thurrock SEND WSoA' };

describe('importing the plan workbook into Azure Tables, on Azurite', () => {
  it('stores the sample plan built as an xlsx, and a second import of it changes nothing', async () => {
    const { store, importer, writes } = importHarness(await tablesStore());
    const workbook = await readXlsxWorkbook(await xlsxFromFolder('sample'));
    const first = await importer.apply({ actor: ADMIN, workbook, ...programme });
    expect(first.ok && first.value.written).toBe(true);
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
    expect(await store.workstreams.list('wsoa')).toHaveLength(3);
    expect(await store.roles.list('wsoa')).toHaveLength(11);
    expect((await store.programmes.get('wsoa'))?.periods).toHaveLength(8);
    expect(await store.actions.historyOfProgramme('wsoa')).toHaveLength(13);
    const measures = await store.measures.list('wsoa');
    expect(measures.map((m) => m.code)).toEqual(['EHC20', 'NEET1618', 'SINTERN', 'APPREN']);
    const values = await store.measures.history('wsoa');
    expect(values.map((v) => [v.code, v.periodId, v.value])).toEqual([
      ['EHC20', 'Jan 2021', 75.9],
      ['NEET1618', 'Jan 2021', 3],
    ]);

    const before = await snapshot(store, 'wsoa');
    const again = await importer.apply({
      actor: ADMIN,
      workbook: await readFixture('sample'),
      ...programme,
    });
    expect(again.ok && again.value.preview.unchanged).toBe(true);
    expect(writes.count).toBe(1);
    expect(await snapshot(store, 'wsoa')).toEqual(before);
  });

  it('leaves stored data exactly as it was when the workbook has problems', async () => {
    const { store, importer, writes } = importHarness(await tablesStore());
    await importer.apply({
      actor: ADMIN,
      workbook: await readFixture('small'),
      programmeId: 'small',
    });
    const before = await snapshot(store, 'small');
    const result = await importer.apply({
      actor: ADMIN,
      workbook: await readFixture('broken/many-problems'),
      programmeId: 'small',
    });
    expect(result.ok ? 'applied' : result.code).toBe('INVALID_WORKBOOK');
    expect(writes.count).toBe(1);
    expect(await snapshot(store, 'small')).toEqual(before);
  });
});
