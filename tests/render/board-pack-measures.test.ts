import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createExportUseCase } from '../../src/app/export/export.use-case.js';
import { boardPackFile } from '../../src/render/board-pack/board-pack.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { sampleWithTargets } from '../app/digest/sample-with-targets.js';

const clock = { now: () => new Date('2021-01-25T09:00:00Z') };

describe('the board pack’s Measures sheet', () => {
  it('lists each measure’s values by period, baseline, target, comparators and track in words', async () => {
    const store = createMemoryStore();
    await sampleWithTargets(store);
    const result = await createExportUseCase({ ...store, clock }).boardPack('wsoa');
    if (!result.ok) throw new Error(result.code);
    const pack = await boardPackFile(result.value);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(pack.bytes).buffer);
    const sheet = workbook.getWorksheet('Measures');
    if (!sheet) throw new Error('No Measures sheet.');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Code',
      'Name',
      'Unit',
      'Better',
      'Baseline',
      'Baseline date',
      'Target',
      'Target date',
      'Oct 2019',
      'Jan 2020',
      'Apr 2020',
      'Jul 2020',
      'Oct 2020',
      'Jan 2021',
      'Apr 2021',
      'Jul 2021',
      'Comparators',
      'Direction',
      'On track',
      'Reported by',
      'Source',
    ]);
    const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    const ehc = cells(2);
    expect(ehc.slice(0, 5)).toEqual([
      'EHC20',
      'New EHC plans finalised within 20 weeks',
      '%',
      'higher',
      70,
    ]);
    expect(ehc[6]).toBe(90);
    expect(ehc.slice(12, 14)).toEqual([72, 75.9]);
    expect(ehc.slice(16, 19)).toEqual([
      'England 60% (2020); statistical neighbours and East of England 65% (2020)',
      'Improving since Oct 2020 (72%)',
      'Off track',
    ]);
    expect(cells(3).slice(0, 1)).toEqual(['NEET1618']);
    expect(cells(3)[18]).toBe('On track');
    expect(cells(5)[0]).toBe('APPREN');
    expect(cells(5)[18]).toBe('No value yet');
  });
});
