import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { problemLine } from '../../../src/cards/import/problem-text.js';
import { readXlsxWorkbook } from '../../../src/app/import/read-xlsx.js';
import type { RawWorkbook } from '../../../src/app/import/workbook.js';
import { ADMIN, importHarness } from './import-harness.js';
import { readFixture, xlsxFromFolder } from './plan-workbooks.js';

const programme = { programmeId: 'wsoa', programmeName: 'Thurrock SEND WSoA' };
const identity = { id: 'wsoa', name: 'Thurrock SEND WSoA' };

/** The sample with its Measures sheet edited, as an admin adding targets would. */
async function sampleWithMeasures(edit: (rows: string[][]) => void): Promise<RawWorkbook> {
  const workbook = await readFixture('sample');
  return {
    sheets: workbook.sheets.map((sheet) => {
      if (sheet.name !== 'measures' || !sheet.header) return sheet;
      const rows = [sheet.header.cells, ...sheet.rows.map((row) => row.cells)].map((r) => [...r]);
      edit(rows);
      const [header = [], ...data] = rows;
      return {
        ...sheet,
        header: { number: 1, cells: header },
        rows: data.map((cells, i) => ({ number: i + 2, cells })),
      };
    }),
  };
}

describe('importing measures', () => {
  it('reads the sample’s four measures with their comparators, baselines and published values', async () => {
    const parsed = parsePlan(await readFixture('sample'), identity);
    if (!parsed.ok) throw new Error(parsed.problems.map(problemLine).join('\n'));
    const { measures = [], measureValues = [] } = parsed.plan;
    expect(measures.map((m) => [m.code, m.unit, m.better, m.reportedBy, m.frequency])).toEqual([
      ['EHC20', '%', 'higher', 'ADES', 'monthly'],
      ['NEET1618', '%', 'lower', 'P16SM', 'termly'],
      ['SINTERN', 'number', 'higher', 'P16SM', 'each period'],
      ['APPREN', 'number', 'higher', 'P16SM', 'each period'],
    ]);
    expect(measures[0]?.comparators).toEqual([
      { name: 'England', value: 60, asAt: '2020', date: '2020-12-31' },
      {
        name: 'statistical neighbours and East of England',
        value: 65,
        asAt: '2020',
        date: '2020-12-31',
      },
    ]);
    expect(measures[1]?.comparators.map((c) => [c.name, c.value, c.date])).toEqual([
      ['Eastern Region', 7.9, '2020-09-30'],
      ['England', 10, '2020-09-30'],
    ]);
    expect(measures[2]?.baseline).toEqual({ value: 24, date: '2019-01-17' });
    expect(measures[0]?.refs).toEqual(['A1']);
    expect(measures[0]?.target).toBeNull();
    expect(measureValues.map((v) => [v.code, v.periodId, v.value])).toEqual([
      ['EHC20', 'Jan 2021', 75.9],
      ['NEET1618', 'Jan 2021', 3],
    ]);
  });

  it('reads the same measures from an xlsx workbook', async () => {
    const fromCsv = parsePlan(await readFixture('sample'), identity);
    const fromXlsx = parsePlan(await readXlsxWorkbook(await xlsxFromFolder('sample')), identity);
    expect(fromXlsx.ok && fromXlsx.plan.measures).toEqual(fromCsv.ok && fromCsv.plan.measures);
    expect(fromXlsx.ok && fromXlsx.plan.measureValues).toEqual(
      fromCsv.ok && fromCsv.plan.measureValues,
    );
  });

  it('stores the measures and their values, and a second import changes nothing', async () => {
    const { store, importer, writes } = importHarness();
    const workbook = await readFixture('sample');
    await importer.apply({ actor: ADMIN, workbook, ...programme });
    expect((await store.measures.list('wsoa')).map((m) => m.code)).toEqual([
      'EHC20',
      'NEET1618',
      'SINTERN',
      'APPREN',
    ]);
    expect(await store.measures.historyOf('wsoa', 'ehc20')).toMatchObject([
      { periodId: 'Jan 2021', value: 75.9, source: 'import' },
    ]);
    const again = await importer.preview({ actor: ADMIN, workbook, ...programme });
    expect(again.ok && again.value.unchanged).toBe(true);
    await importer.apply({ actor: ADMIN, workbook, ...programme });
    expect(writes.count).toBe(1);
    expect(await store.measures.history('wsoa')).toHaveLength(2);
  });

  it('shows a changed target before it is confirmed, with its interim targets', async () => {
    const { store, importer } = importHarness();
    await importer.apply({ actor: ADMIN, workbook: await readFixture('sample'), ...programme });
    const targeted = await sampleWithMeasures((rows) => {
      const header = rows[0] ?? [];
      header.push('Interim targets');
      const ehc = rows.find((r) => r[0] === 'EHC20');
      if (!ehc) throw new Error('EHC20 is missing from the sample');
      ehc[4] = '74';
      ehc[5] = 'Dec 2020';
      ehc[6] = '85';
      ehc[7] = 'Dec 2021';
      ehc.push('78 (Jun 2021)');
    });
    const preview = await importer.preview({ actor: ADMIN, workbook: targeted, ...programme });
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.value.changes.measures.changed).toEqual([
      { key: 'EHC20', fields: ['baseline', 'target', 'interimTargets'] },
    ]);
    await importer.apply({ actor: ADMIN, workbook: targeted, ...programme });
    const [ehc] = await store.measures.list('wsoa');
    expect(ehc?.target).toEqual({ value: 85, date: '2021-12-31' });
    expect(ehc?.interimTargets).toEqual([{ value: 78, date: '2021-06-30' }]);
  });

  it('says where each broken Measures row is wrong and what to do, in words', async () => {
    const { importer } = importHarness();
    const result = await importer.preview({
      actor: ADMIN,
      workbook: await readFixture('broken/measure-problems'),
      programmeId: 'small',
    });
    if (result.ok || result.code !== 'INVALID_WORKBOOK') throw new Error('Expected problems');
    const lines = result.problems.map(problemLine);
    expect(lines).toContain(
      'measures, row 4, column Unit (C): "weeks" is not a unit. Use %, number, days or £.',
    );
    expect(lines).toContain(
      'measures, row 6, column Baseline (E): 120 is not a percentage between 0 and 100. Write, say, 75.9. Correct the figure, or check the measure’s unit.',
    );
    expect(lines).toContain(
      'measures, row 6, column Ref (K): "Z9" is neither an action in the Actions sheet nor a workstream. Write action references or workstream codes, separated by commas.',
    );
    expect(lines).toContain(
      'measure-values, row 3, column Code (A): PLANS already has a value for Jan 2020 on row 2. Keep one value per measure and period.',
    );
  });
});
