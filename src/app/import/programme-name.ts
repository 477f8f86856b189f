import { headerKey } from './sheet-specs.js';
import type { RawSheet, RawWorkbook } from './workbook.js';

/** Sheet names that hold the programme's own details. */
const PROGRAMME_SHEETS = new Set(
  ['Programme', 'Program', 'Programme details', 'About'].map(headerKey),
);
/** Labels beside (or above) the programme's name. */
const NAME_LABELS = new Set(
  ['Name', 'Programme', 'Programme name', 'Program name', 'Title'].map(headerKey),
);

/**
 * What the workbook calls its programme, so an import without `--name` is not called after
 * its file. A Programme sheet says it in so many words; the xlsx title property is kept
 * apart, because it is hidden and often left from another document.
 */
export interface WorkbookNames {
  /** From a Programme sheet: the cell beside "Name" in column A, or below a "Name" heading. */
  readonly sheet: string | null;
  /** The xlsx file's title property (File › Info › Title in Excel). */
  readonly title: string | null;
}

export function workbookNames(workbook: RawWorkbook): WorkbookNames {
  const sheet = workbook.sheets.find((s) => PROGRAMME_SHEETS.has(headerKey(s.name)));
  const title = workbook.title?.trim() ?? '';
  return { sheet: sheet ? nameIn(sheet) : null, title: title === '' ? null : title };
}

function nameIn(sheet: RawSheet): string | null {
  const rows = [...(sheet.header ? [sheet.header] : []), ...sheet.rows];
  for (const [r, row] of rows.entries()) {
    for (const [c, cell] of row.cells.entries()) {
      if (!NAME_LABELS.has(headerKey(cell))) continue;
      // "Name | Thurrock SEND …" reads across; a "Name" heading with the name below reads down.
      const beside = c === 0 ? (row.cells[1] ?? '') : '';
      const below = rows[r + 1]?.cells[c] ?? '';
      const name = beside !== '' ? beside : below;
      if (name !== '') return name;
    }
  }
  return null;
}
