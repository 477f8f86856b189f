import type ExcelJS from 'exceljs';
import type { Action } from '../../domain/action.js';
import type { Workstream } from '../../domain/programme.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { ProgrammeSnapshot } from '../../app/digest/programme-snapshot.js';
import {
  DATE_FORMAT,
  dueCellValue,
  sheetName,
  styleHeaderRow,
  styleRatingCell,
} from './pack-style.js';
import type { RatingGrid } from '../../app/export/rating-grid.js';

const HEADERS = [
  'Ref',
  'Step',
  'Title',
  'Owner',
  'Due',
  'Revised due',
  'Latest rating',
  'Rated in',
  'Latest note',
] as const;
const RATING_COLUMN = 7;

/**
 * One workstream as its lead reads it: each action with its steps beneath (as the plan
 * lists them), owners, due and revised dates, and the latest rating and note.
 */
export function addWorkstreamSheet(
  workbook: ExcelJS.Workbook,
  snapshot: ProgrammeSnapshot,
  workstream: Workstream,
  grid: RatingGrid,
  taken: Set<string>,
): void {
  const name = sheetName(`${workstream.code} ${workstream.name}`, taken);
  taken.add(name.toLowerCase());
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 9 },
    { width: 6 },
    { width: 52 },
    { width: 12 },
    { width: 13, style: { numFmt: DATE_FORMAT } },
    { width: 13, style: { numFmt: DATE_FORMAT } },
    { width: 14 },
    { width: 11 },
    { width: 70 },
  ];
  styleHeaderRow(sheet.addRow([...HEADERS]));
  const latestOf = (action: Action): StatusUpdate | undefined => {
    const periods = grid.get(action.ref.toUpperCase());
    return [...snapshot.programme.periods].reverse().flatMap((p) => periods?.get(p.id) ?? [])[0];
  };
  for (const action of snapshot.actions.filter((a) => a.workstream === workstream.code)) {
    const latest = latestOf(action);
    const row = sheet.addRow([
      action.ref,
      '',
      action.title,
      action.ownerRole,
      dueCellValue(action.due),
      dueCellValue(action.revisedDue),
      null,
      latest?.periodId ?? '',
      latest?.note ?? '',
    ]);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
    styleRatingCell(row.getCell(RATING_COLUMN), latest?.rating ?? 'Not yet rated');
    for (const step of action.steps) {
      const stepRow = sheet.addRow([
        action.ref,
        step.letter,
        step.title,
        step.ownerRole ?? action.ownerRole,
        dueCellValue(step.due),
        dueCellValue(step.revisedDue),
      ]);
      stepRow.alignment = { wrapText: true, vertical: 'top' };
    }
  }
}
