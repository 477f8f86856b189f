import ExcelJS from 'exceljs';
import type { ProgrammeSnapshot } from '../digest/programme-snapshot.js';
import { addGridSheet, GRID_SHEET } from './grid-sheet.js';
import { ratingGridOf } from './rating-grid.js';
import { addRatingsSheet, RATINGS_SHEET_NAME } from './ratings-sheet.js';
import { addWorkstreamSheet } from './workstream-sheet.js';

export interface BoardPackOptions {
  /** Stamped in the workbook's properties: when the pack was made. */
  readonly created: Date;
}

/**
 * The board pack as an `.xlsx`: the BRAG grid, a sheet per workstream, and the ratings in
 * the import format so the pack can be read back.
 */
export async function writeBoardPack(
  snapshot: ProgrammeSnapshot,
  options: BoardPackOptions,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Tracker';
  workbook.title = `${snapshot.programme.name}: board pack`;
  workbook.created = options.created;
  workbook.modified = options.created;
  const grid = ratingGridOf(snapshot);
  addGridSheet(workbook, snapshot, grid);
  const taken = new Set([GRID_SHEET.toLowerCase(), RATINGS_SHEET_NAME.toLowerCase()]);
  for (const workstream of snapshot.workstreams) {
    addWorkstreamSheet(workbook, snapshot, workstream, grid, taken);
  }
  addRatingsSheet(workbook, snapshot, grid);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
