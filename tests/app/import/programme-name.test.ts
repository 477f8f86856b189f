import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsvWorkbook } from '../../../src/app/import/read-csv.js';
import { readXlsxWorkbook } from '../../../src/app/import/read-xlsx.js';
import type { RawWorkbook } from '../../../src/app/import/workbook.js';
import { ADMIN, importHarness } from './import-harness.js';
import { readFixture, xlsxFromFolder } from './plan-workbooks.js';

const THURROCK = 'Thurrock SEND Written Statement of Action';

/** The sample workbook with a Programme sheet written as `csv`. */
async function sampleWithProgrammeSheet(csv: string): Promise<RawWorkbook> {
  const sample = await readFixture('sample');
  const [programme] = readCsvWorkbook([{ name: 'Programme.csv', text: csv }]).sheets;
  return { sheets: [...sample.sheets, ...(programme ? [programme] : [])] };
}

/** The sample as an xlsx whose title property (File › Info › Title) is `title`. */
async function sampleXlsxTitled(title: string): Promise<RawWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await xlsxFromFolder('sample')).buffer);
  workbook.title = title;
  return readXlsxWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function previewName(workbook: RawWorkbook, programmeName?: string): Promise<string> {
  const { importer } = importHarness();
  const result = await importer.preview({
    actor: ADMIN,
    workbook,
    programmeId: 'thurrock-wsoa',
    ...(programmeName === undefined ? {} : { programmeName }),
  });
  if (!result.ok) throw new Error(result.code);
  return result.value.programmeName;
}

describe('the programme’s name, from the workbook when no name is given', () => {
  it('takes the name beside "Name" on a Programme sheet', async () => {
    const workbook = await sampleWithProgrammeSheet(`Name,${THURROCK}\nTime zone,Europe/London\n`);
    expect(await previewName(workbook)).toBe(THURROCK);
  });

  it('takes the name below a "Programme name" heading', async () => {
    const workbook = await sampleWithProgrammeSheet(`Programme name\n${THURROCK}\n`);
    expect(await previewName(workbook)).toBe(THURROCK);
  });

  it('takes the xlsx file’s title property when there is no Programme sheet', async () => {
    expect(await previewName(await sampleXlsxTitled(THURROCK))).toBe(THURROCK);
  });

  it('lets a name given to the import (--name) win over the workbook', async () => {
    const workbook = await sampleWithProgrammeSheet(`Name,${THURROCK}\n`);
    expect(await previewName(workbook, 'Thurrock WSoA 2019')).toBe('Thurrock WSoA 2019');
  });

  it('falls back to the programme id only when the workbook names nothing', async () => {
    expect(await previewName(await readFixture('sample'))).toBe('thurrock-wsoa');
  });

  it('renames a stored programme from its Programme sheet, but not from a title property', async () => {
    const { importer } = importHarness();
    const unnamed = { actor: ADMIN, programmeId: 'wsoa' };
    const workbook = await readFixture('sample');
    await importer.apply({ ...unnamed, programmeName: 'Old name', workbook });
    const titled = await importer.preview({
      ...unnamed,
      workbook: await sampleXlsxTitled('Book1'),
    });
    expect(titled.ok && titled.value.programmeName).toBe('Old name');
    const sheet = await importer.preview({
      ...unnamed,
      workbook: await sampleWithProgrammeSheet(`Name,${THURROCK}\n`),
    });
    expect(sheet.ok && sheet.value.programmeName).toBe(THURROCK);
    expect(sheet.ok && sheet.value.changes.programme).toEqual(['name']);
  });
});
