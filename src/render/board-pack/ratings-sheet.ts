import type ExcelJS from 'exceljs';
import type { ProgrammeSnapshot } from '../../app/digest/programme-snapshot.js';
import { styleHeaderRow } from './pack-style.js';
import type { RatingGrid } from '../../app/export/rating-grid.js';

/** The import format's name for past ratings (Excel reserves "History"). */
export const RATINGS_SHEET_NAME = 'Ratings';

/**
 * Every rating that counts, one row per action and period, in the import format
 * (Ref, Period, Rating, Note): the importer reads this sheet back as the same history.
 */
export function addRatingsSheet(
  workbook: ExcelJS.Workbook,
  snapshot: ProgrammeSnapshot,
  grid: RatingGrid,
): void {
  const sheet = workbook.addWorksheet(RATINGS_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [{ width: 9 }, { width: 12 }, { width: 10 }, { width: 90 }];
  styleHeaderRow(sheet.addRow(['Ref', 'Period', 'Rating', 'Note']));
  for (const action of snapshot.actions) {
    const ratings = grid.get(action.ref.toUpperCase());
    for (const period of snapshot.programme.periods) {
      const update = ratings?.get(period.id);
      if (!update) continue;
      const row = sheet.addRow([action.ref, period.id, update.rating, update.note]);
      row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    }
  }
}
