import { problemAt, type ImportProblem, type ProblemPlace } from './import-problem.js';
import { headerKey, type SheetSpec } from './sheet-specs.js';
import { columnLetter, type RawSheet, type RawWorkbook } from './workbook.js';

/** A data row read through its sheet's columns, able to say where each cell is. */
export interface BoundRow<K extends string> {
  readonly number: number;
  /** The cell's trimmed text; empty when blank or when the optional column is absent. */
  get(key: K): string;
  /** Where a cell is, for a problem report. */
  place(key: K): ProblemPlace;
}

export interface BoundSheet<K extends string> {
  readonly name: string;
  readonly rows: readonly BoundRow<K>[];
}

/** Finds a sheet by any of its names, ignoring case, spaces and punctuation. */
export function findSheet(workbook: RawWorkbook, spec: SheetSpec): RawSheet | undefined {
  const wanted = new Set(spec.names.map(headerKey));
  return workbook.sheets.find((sheet) => wanted.has(headerKey(sheet.name)));
}

/**
 * Matches a sheet's headers to the spec. Returns null (with problems) when the sheet or a
 * required column is missing: its rows cannot be read, though the other sheets still are.
 */
export function bindSheet<K extends string>(
  workbook: RawWorkbook,
  spec: SheetSpec<K>,
  problems: ImportProblem[],
): BoundSheet<K> | null {
  const sheet = findSheet(workbook, spec);
  if (!sheet) {
    if (spec.required) {
      const place = { sheet: spec.label, row: null, column: null, columnLetter: null };
      problems.push(problemAt(place, 'MISSING_SHEET'));
    }
    return spec.required ? null : { name: spec.label, rows: [] };
  }
  const headers = sheet.header?.cells ?? [];
  const headerRow = sheet.header?.number ?? 1;
  const index = new Map<K, number>();
  let missing = false;
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  for (const column of spec.columns) {
    // The format's own name wins over a synonym, and one header serves one column.
    const at = column.names
      .map((name) => keys.findIndex((key, i) => key === headerKey(name) && !taken.has(i)))
      .find((i) => i >= 0);
    if (at !== undefined) {
      taken.add(at);
      index.set(column.key, at);
    } else if (column.required) {
      missing = true;
      const place = { sheet: sheet.name, row: headerRow, column: column.label, columnLetter: null };
      problems.push(problemAt(place, 'MISSING_COLUMN'));
    }
  }
  if (missing) return null;

  const placeOf = (row: number, key: K): ProblemPlace => {
    const at = index.get(key);
    const label = spec.columns.find((column) => column.key === key)?.label ?? key;
    return at === undefined
      ? { sheet: sheet.name, row, column: label, columnLetter: null }
      : { sheet: sheet.name, row, column: headers[at] ?? label, columnLetter: columnLetter(at) };
  };
  const rows = sheet.rows.map((raw): BoundRow<K> => ({
    number: raw.number,
    get: (key) => {
      const at = index.get(key);
      return at === undefined ? '' : (raw.cells[at] ?? '');
    },
    place: (key) => placeOf(raw.number, key),
  }));
  return { name: sheet.name, rows };
}
