import type ExcelJS from 'exceljs';
import { NOT_RATED } from '../../domain/rating.js';
import type { ProgrammeSnapshot } from '../../app/digest/programme-snapshot.js';
import { DATE_FORMAT, dueCellValue, styleHeaderRow, styleRatingCell } from './pack-style.js';
import type { PackGovernance } from '../../app/export/pack-governance.js';
import type { RatingGrid } from '../../app/export/rating-grid.js';
import { signedOffCell, stepsDoneCell, timesRevisedCell } from './governance-cells.js';

export const GRID_SHEET = 'Grid';

const FIXED_COLUMNS = [
  'Ref',
  'Workstream',
  'Title',
  'Owner',
  'Original due',
  'Current due',
  'Times revised',
  'Steps done',
  'Signed off by',
] as const;

/**
 * The BRAG grid a board reads: one row per action, one column per period, each cell the
 * rating's word on its colour ("Not yet rated" in grey where nobody answered); beside each
 * action its original and current due dates, how often they were revised, its steps done and
 * who signed its workstream off last.
 */
export function addGridSheet(
  workbook: ExcelJS.Workbook,
  snapshot: ProgrammeSnapshot,
  grid: RatingGrid,
  governance: PackGovernance,
): void {
  const { periods } = snapshot.programme;
  const sheet = workbook.addWorksheet(GRID_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  sheet.columns = [
    { width: 9 },
    { width: 12 },
    { width: 48 },
    { width: 12 },
    { width: 13, style: { numFmt: DATE_FORMAT } },
    { width: 13, style: { numFmt: DATE_FORMAT } },
    { width: 9 },
    { width: 18 },
    { width: 28 },
    ...periods.map(() => ({ width: 14 })),
  ];
  styleHeaderRow(sheet.addRow([...FIXED_COLUMNS, ...periods.map((p) => p.id)]));
  for (const action of snapshot.actions) {
    const own = governance.actions.get(action.ref.toUpperCase());
    const row = sheet.addRow([
      action.ref,
      action.workstream,
      action.title,
      action.ownerRole,
      dueCellValue(action.due),
      dueCellValue(own?.revisions.current ?? action.revisedDue ?? action.due),
      timesRevisedCell(own),
      stepsDoneCell(own),
      signedOffCell(own),
    ]);
    const ratings = grid.get(action.ref.toUpperCase());
    periods.forEach((period, i) => {
      const update = ratings?.get(period.id);
      styleRatingCell(row.getCell(FIXED_COLUMNS.length + 1 + i), update?.rating ?? NOT_RATED);
    });
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: FIXED_COLUMNS.length + periods.length },
  };
}
