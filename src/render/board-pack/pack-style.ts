import type ExcelJS from 'exceljs';
import type { DueDate } from '../../domain/local-date.js';
import { ONGOING } from '../../domain/local-date.js';
import { RATING_COLOUR } from '../../domain/rating.js';
import type { RatingOrNotRated } from '../../domain/rating.js';

/** Excel colours are ARGB without the hash. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * The rating's word on its colour, in black bold (the palette carries black at 4.5:1 or more):
 * colour never carries the meaning alone.
 */
export function styleRatingCell(cell: ExcelJS.Cell, rating: RatingOrNotRated): void {
  cell.value = rating;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(RATING_COLOUR[rating]) } };
  cell.font = { bold: true, color: { argb: 'FF000000' } };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
}

export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
}

/**
 * A due date as a real Excel date (so it sorts and filters), "Ongoing" as the word, and
 * nothing for no date. Excel dates are days: midnight UTC is the day itself.
 */
export function dueCellValue(due: DueDate | null): Date | string | null {
  if (due === null) return null;
  if (due === ONGOING) return ONGOING;
  return new Date(`${due}T00:00:00.000Z`);
}

export const DATE_FORMAT = 'd mmm yyyy';

/** Excel refuses sheet names over 31 characters or with any of `[]:*?/\`. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean = wanted
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31);
  let name = clean === '' ? 'Sheet' : clean;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
  }
  return name;
}
