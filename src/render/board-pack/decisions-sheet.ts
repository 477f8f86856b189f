import type ExcelJS from 'exceljs';
import type { DecisionRecord } from '../../domain/governance-digest.js';
import { styleHeaderRow } from './pack-style.js';

export const DECISIONS_SHEET_NAME = 'Decisions';

const HEADERS = ['When (UTC)', 'Kind', 'Ref', 'Workstream', 'Period', 'By', 'Outcome', 'Detail'];

/**
 * The history of every decision, oldest first: requests for later dates and their outcomes,
 * sign-offs, queries and their answers. Nothing here is ever changed, only added to.
 */
export function addDecisionsSheet(
  workbook: ExcelJS.Workbook,
  decisions: readonly DecisionRecord[],
): void {
  const sheet = workbook.addWorksheet(DECISIONS_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { width: 20, style: { numFmt: 'd mmm yyyy hh:mm' } },
    { width: 16 },
    { width: 8 },
    { width: 11 },
    { width: 10 },
    { width: 26 },
    { width: 18 },
    { width: 70 },
  ];
  styleHeaderRow(sheet.addRow(HEADERS));
  for (const d of decisions) {
    const row = sheet.addRow([
      new Date(d.at),
      d.kind,
      d.ref,
      d.workstream,
      d.periodId,
      d.by,
      d.outcome,
      d.detail,
    ]);
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
  }
}
