import type { MeasureStanding } from '../../domain/measure-digest.js';
import type { ProgrammeSnapshot } from '../../app/digest/programme-snapshot.js';
import type { BoardPack } from '../../app/export/export.use-case.js';
import { addGridSheet, GRID_SHEET } from './grid-sheet.js';
import { addMeasuresSheet, MEASURES_SHEET_NAME } from './measures-sheet.js';
import type { PackGovernance } from '../../app/export/pack-governance.js';
import type { RatingGrid } from '../../app/export/rating-grid.js';
import { addDecisionsSheet, DECISIONS_SHEET_NAME } from './decisions-sheet.js';
import { addRatingsSheet, RATINGS_SHEET_NAME } from './ratings-sheet.js';
import { addWorkstreamSheet } from './workstream-sheet.js';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A board pack written out, ready to send or save. */
export interface BoardPackFile {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly actions: number;
  readonly periods: number;
}

/** The use case's board pack as the file people download. */
export async function boardPackFile(pack: BoardPack): Promise<BoardPackFile> {
  const bytes = await writeBoardPack(pack.snapshot, {
    created: pack.created,
    grid: pack.grid,
    measures: pack.measures,
    governance: pack.governance,
  });
  return { fileName: pack.fileName, bytes, actions: pack.actions, periods: pack.periods };
}

export interface BoardPackOptions {
  /** Stamped in the workbook's properties: when the pack was made. */
  readonly created: Date;
  /** The update that counts for each action in each period. */
  readonly grid: RatingGrid;
  /** Each measure with where it stands; the Measures sheet is left out when there are none. */
  readonly measures: readonly MeasureStanding[];
  /** Each action's dates, steps and sign-off, and the history of every decision. */
  readonly governance: PackGovernance;
}

/**
 * The board pack as an `.xlsx`: the BRAG grid, a sheet per workstream, the ratings in the
 * import format so the pack can be read back, and the measures.
 * import format so the pack can be read back, and the history of every decision.
 */
export async function writeBoardPack(
  snapshot: ProgrammeSnapshot,
  options: BoardPackOptions,
): Promise<Buffer> {
  // Loaded when first needed: most turns read no workbook and write none.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Action Tracker';
  workbook.title = `${snapshot.programme.name}: board pack`;
  workbook.created = options.created;
  workbook.modified = options.created;
  const { grid, governance } = options;
  addGridSheet(workbook, snapshot, grid, governance);
  const taken = new Set(
    [GRID_SHEET, RATINGS_SHEET_NAME, MEASURES_SHEET_NAME, DECISIONS_SHEET_NAME].map((name) =>
      name.toLowerCase(),
    ),
  );
  for (const workstream of snapshot.workstreams) {
    addWorkstreamSheet(workbook, { snapshot, workstream, grid, governance, taken });
  }
  addRatingsSheet(workbook, snapshot, grid);
  addMeasuresSheet(workbook, snapshot.programme.periods, options.measures);
  addDecisionsSheet(workbook, governance.decisions);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
