import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse, type Options } from 'csv-parse/sync';
import { readCsvFolder } from '../../../src/app/import/read-csv.js';
import type { RawWorkbook } from '../../../src/app/import/workbook.js';

/** The folder of plan workbooks (one CSV per sheet) used by the import tests. */
export const PLAN_WORKBOOKS = fileURLToPath(
  new URL('../../fixtures/plan-workbooks/', import.meta.url),
);

export function workbookFolder(name: string): string {
  return join(PLAN_WORKBOOKS, name);
}

export function readFixture(name: string): Promise<RawWorkbook> {
  return readCsvFolder(workbookFolder(name));
}

/**
 * Builds an `.xlsx` from a CSV folder the way a person would in Excel: one sheet per file,
 * named with a capital, and dates typed into date columns stored as real Excel dates.
 * `edit` changes a sheet's rows (header first) as an admin editing the workbook would.
 */
export async function xlsxFromFolder(
  name: string,
  edit: (sheet: string, rows: string[][]) => void = () => undefined,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const folder = workbookFolder(name);
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.csv')).sort()) {
    const sheetName = basename(file, '.csv');
    const sheet = workbook.addWorksheet(sheetName[0]?.toUpperCase() + sheetName.slice(1));
    const options: Options = { relax_column_count: true };
    const rows = parse(await readFile(join(folder, file), 'utf8'), options);
    edit(sheetName, rows);
    rows.forEach((cells, r) => {
      sheet.addRow(cells.map((cell) => (r > 0 ? typedCell(cell) : cell)));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** ISO dates become Excel dates, as they would when typed; everything else stays text. */
function typedCell(text: string): string | Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : text;
}
