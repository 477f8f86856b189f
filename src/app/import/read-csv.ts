import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse, type Options } from 'csv-parse/sync';
import { sheetFromRows, type RawRow, type RawSheet, type RawWorkbook } from './workbook.js';

/** One CSV file's name and text: the name without `.csv` is the sheet name. */
export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Reads CSV text as a sheet. Rows are numbered by record, as a spreadsheet opening the file
 * would number them, so a note with a line break inside quotes is still one row.
 */
export function readCsvSheet(file: CsvFile): RawSheet {
  const options: Options = { bom: true, relax_column_count: true, skip_empty_lines: false };
  const records = parse(file.text, options);
  const rows: RawRow[] = records.map((cells, index) => ({
    number: index + 1,
    cells: cells.map((cell) => cell.trim()),
  }));
  return sheetFromRows(basename(file.name, extname(file.name)), rows);
}

export function readCsvWorkbook(files: readonly CsvFile[]): RawWorkbook {
  return { sheets: files.map(readCsvSheet) };
}

/** Reads every `.csv` file in a folder (one per sheet) or the CSV files given. */
export async function readCsvFiles(paths: readonly string[]): Promise<RawWorkbook> {
  const files = await Promise.all(
    paths.map(async (path) => ({ name: basename(path), text: await readFile(path, 'utf8') })),
  );
  return readCsvWorkbook(files);
}

export async function readCsvFolder(folder: string): Promise<RawWorkbook> {
  const names = (await readdir(folder)).filter((name) => name.toLowerCase().endsWith('.csv'));
  return readCsvFiles(names.sort().map((name) => join(folder, name)));
}
