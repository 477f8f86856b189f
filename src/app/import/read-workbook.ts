import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { problemAt, type ImportProblem } from './import-problem.js';
import { readCsvFiles, readCsvFolder, readCsvWorkbook } from './read-csv.js';
import { readXlsxWorkbook } from './read-xlsx.js';
import { xlsxLimitBreach, type XlsxLimitBreach } from './xlsx-limits.js';
import type { RawWorkbook } from './workbook.js';

export type WorkbookRead =
  | { readonly ok: true; readonly workbook: RawWorkbook }
  | { readonly ok: false; readonly problem: ImportProblem };

/**
 * Reads a workbook sent as one file: `.xlsx`, or one `.csv` (a single sheet, which the
 * checks will then say is not a whole plan). A file that is not what its name says comes back
 * as a problem to show, not an exception.
 */
export async function readWorkbookContent(
  fileName: string,
  content: Uint8Array,
): Promise<WorkbookRead> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx') {
    // Before the workbook reader sees it: a small archive can unpack to gigabytes.
    const checked = await readSafely(fileName, () => xlsxLimitBreach(content));
    if (!checked.ok) return checked;
    if (checked.workbook !== null)
      return { ok: false, problem: tooBig(fileName, checked.workbook) };
  }
  return readSafely(fileName, async () => {
    if (extension === '.xlsx') return readXlsxWorkbook(content);
    if (extension === '.csv') {
      return readCsvWorkbook([{ name: fileName, text: new TextDecoder().decode(content) }]);
    }
    throw new Error('only .xlsx and .csv files can be imported');
  });
}

/** Reads a path from the command line: an `.xlsx`, a folder of CSV files, or CSV files. */
export async function readWorkbookPaths(paths: readonly string[]): Promise<WorkbookRead> {
  const [first] = paths;
  if (first === undefined) throw new Error('No workbook path was given.');
  if (paths.length === 1 && extname(first).toLowerCase() !== '.csv') {
    // A folder of CSV files, or an .xlsx; a path that is neither is reported, not thrown.
    const folder = await readSafely(first, async () => {
      if (!(await stat(first)).isDirectory()) return null;
      return readCsvFolder(first);
    });
    if (!folder.ok) return folder;
    if (folder.workbook !== null) return { ok: true, workbook: folder.workbook };
    return readWorkbookContent(first, await readFile(first));
  }
  return readSafely(first, () => readCsvFiles(paths));
}

function tooBig(fileName: string, breach: XlsxLimitBreach): ImportProblem {
  const place = {
    sheet: breach.sheet ?? basename(fileName),
    row: null,
    column: null,
    columnLetter: null,
  };
  const mb = (bytes: number): string => Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-GB');
  const count = (n: number): string => n.toLocaleString('en-GB');
  const [found, measure, limit] = ((): [string, string, string] => {
    switch (breach.what) {
      case 'parts':
        return [count(breach.found), 'parts in the file', count(breach.limit)];
      case 'part size':
        return [`more than ${mb(breach.limit)}`, 'MB in one part once unpacked', mb(breach.limit)];
      case 'unpacked size':
        return [`more than ${mb(breach.limit)}`, 'MB once unpacked', mb(breach.limit)];
      case 'rows':
        return [
          count(breach.found),
          breach.sheet === null ? 'rows in all sheets together' : 'rows in this sheet',
          count(breach.limit),
        ];
      case 'packing':
        return ['a packing method', 'Excel does not use', 'the two Excel uses'];
    }
  })();
  return problemAt(place, 'WORKBOOK_TOO_BIG', null, { found, measure, limit });
}

async function readSafely<T = RawWorkbook>(
  fileName: string,
  read: () => Promise<T> | T,
): Promise<
  | { readonly ok: true; readonly workbook: T }
  | { readonly ok: false; readonly problem: ImportProblem }
> {
  try {
    return { ok: true, workbook: await read() };
  } catch (error: unknown) {
    // Broken zip, bad CSV quoting and the like: the person can fix the file, so say why.
    const reason = error instanceof Error ? error.message : String(error);
    const place = { sheet: basename(fileName), row: null, column: null, columnLetter: null };
    return { ok: false, problem: problemAt(place, 'UNREADABLE_FILE', null, { reason }) };
  }
}
