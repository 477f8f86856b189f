/**
 * A workbook as plain text cells, whichever file it came from, so validation never depends
 * on exceljs or csv-parse. Rows keep the numbers a spreadsheet shows (header row 1), because
 * every problem is reported at the place a person will look for it.
 */
export interface RawRow {
  /** The row number as the spreadsheet shows it. */
  readonly number: number;
  /** Cell text, trimmed; an empty cell is the empty string. */
  readonly cells: readonly string[];
}

export interface RawSheet {
  /** The sheet name, or the CSV file name without `.csv`. */
  readonly name: string;
  /** The first row that is not blank, read as headers; null for an empty sheet. */
  readonly header: RawRow | null;
  /** Every non-blank row after the header. */
  readonly rows: readonly RawRow[];
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  /** The file's title property (xlsx only), when it has one. */
  readonly title?: string;
}

/** Builds a sheet from rows in order, dropping blank rows and taking the first as the header. */
export function sheetFromRows(name: string, rows: readonly RawRow[]): RawSheet {
  const filled = rows.filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = filled;
  return { name, header: header ?? null, rows: data };
}

/** "A" for the first column, "AA" for the 27th, as Excel labels them. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
