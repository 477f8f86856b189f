import type ExcelJS from 'exceljs';
import { formatDate } from '../../domain/dates.js';
import { effectiveDue, type Action } from '../../domain/action.js';
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
import type { PackGovernance } from '../../app/export/pack-governance.js';
import type { RatingGrid } from '../../app/export/rating-grid.js';
import { signedOffCell, stepsDoneCell } from './governance-cells.js';

const HEADERS = [
  'Ref',
  'Step',
  'Title',
  'Owner',
  'Original due',
  'Current due',
  'Times revised',
  'Steps done',
  'Latest rating',
  'Rated in',
  'Latest note',
  'Signed off by',
] as const;
const RATING_COLUMN = 9;

export interface WorkstreamSheetInput {
  readonly snapshot: ProgrammeSnapshot;
  readonly workstream: Workstream;
  readonly grid: RatingGrid;
  readonly governance: PackGovernance;
  /** Sheet names already used, lower case; this sheet's is added. */
  readonly taken: Set<string>;
}

/**
 * One workstream as its lead reads it: each action with its steps beneath (as the plan
 * lists them), owners, original and current dates with how often each was revised, steps
 * done, the latest rating and note, and who signed the workstream off.
 */
export function addWorkstreamSheet(workbook: ExcelJS.Workbook, input: WorkstreamSheetInput): void {
  const { snapshot, workstream, grid, governance, taken } = input;
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
    { width: 9 },
    { width: 18 },
    { width: 14 },
    { width: 11 },
    { width: 70 },
    { width: 28 },
  ];
  styleHeaderRow(sheet.addRow([...HEADERS]));
  const latestOf = (action: Action): StatusUpdate | undefined => {
    const periods = grid.get(action.ref.toUpperCase());
    return [...snapshot.programme.periods].reverse().flatMap((p) => periods?.get(p.id) ?? [])[0];
  };
  for (const action of snapshot.actions.filter((a) => a.workstream === workstream.code)) {
    const latest = latestOf(action);
    const own = governance.actions.get(action.ref.toUpperCase());
    const row = sheet.addRow([
      action.ref,
      '',
      action.title,
      action.ownerRole,
      dueCellValue(action.due),
      dueCellValue(own?.revisions.current ?? effectiveDue(action)),
      own?.revisions.timesRevised ?? 0,
      stepsDoneCell(own),
      null,
      latest?.periodId ?? '',
      latest?.note ?? '',
      signedOffCell(own),
    ]);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
    styleRatingCell(row.getCell(RATING_COLUMN), latest?.rating ?? 'Not yet rated');
    for (const step of action.steps) {
      const status = own?.steps.steps.find((s) => s.step.letter === step.letter);
      const stepRow = sheet.addRow([
        action.ref,
        step.letter,
        step.title,
        step.ownerRole ?? action.ownerRole,
        dueCellValue(step.due),
        dueCellValue(effectiveDue(step)),
        step.revisedDue !== null && step.revisedDue !== step.due ? 1 : 0,
        status?.done ? `done ${formatDate(status.done.doneOn)}` : status?.late ? 'late' : '',
      ]);
      stepRow.alignment = { wrapText: true, vertical: 'top' };
    }
  }
}
