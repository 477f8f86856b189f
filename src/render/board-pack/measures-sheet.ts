import type ExcelJS from 'exceljs';
import type { MeasureStanding } from '../../domain/measure-digest.js';
import type { ReportingPeriod } from '../../domain/programme.js';
import { DATE_FORMAT, styleHeaderRow } from './pack-style.js';
import { comparatorWords, directionWords, TRACK_WORDS } from '../../domain/measure-words.js';

export const MEASURES_SHEET_NAME = 'Measures';

/** Cell colours of the track words; the word is always written too. */
const TRACK_FILL: Readonly<Record<string, string>> = {
  'on track': 'FFDCFCE7',
  'off track': 'FFFEE2E2',
};

/**
 * One row per measure: its value in each period (corrections applied), baseline, target and
 * comparators, the direction of travel and whether it is on track, in words.
 */
export function addMeasuresSheet(
  workbook: ExcelJS.Workbook,
  periods: readonly ReportingPeriod[],
  standings: readonly MeasureStanding[],
): void {
  if (standings.length === 0) return;
  const sheet = workbook.addWorksheet(MEASURES_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  const fixed = [
    'Code',
    'Name',
    'Unit',
    'Better',
    'Baseline',
    'Baseline date',
    'Target',
    'Target date',
  ];
  const after = ['Comparators', 'Direction', 'On track', 'Reported by', 'Source'];
  styleHeaderRow(sheet.addRow([...fixed, ...periods.map((p) => p.id), ...after]));
  sheet.columns = [
    { width: 12 },
    { width: 44 },
    { width: 8 },
    { width: 8 },
    { width: 10 },
    { width: 13 },
    { width: 10 },
    { width: 13 },
    ...periods.map(() => ({ width: 10 })),
    { width: 44 },
    { width: 28 },
    { width: 12 },
    { width: 12 },
    { width: 28 },
  ];
  for (const { measure, progress } of standings) {
    const byPeriod = new Map(progress.series.map((point) => [point.periodId, point.value]));
    const row = sheet.addRow([
      measure.code,
      measure.name,
      measure.unit,
      measure.better,
      measure.baseline?.value ?? null,
      day(measure.baseline?.date),
      measure.target?.value ?? null,
      day(measure.target?.date),
      ...periods.map((period) => byPeriod.get(period.id) ?? null),
      comparatorWords(measure) ?? '',
      directionWords(progress, measure.unit),
      TRACK_WORDS[progress.track],
      measure.reportedBy,
      measure.source,
    ]);
    for (const column of [6, 8]) row.getCell(column).numFmt = DATE_FORMAT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    const track = row.getCell(fixed.length + periods.length + 3);
    const fill = TRACK_FILL[progress.track];
    if (fill) track.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    track.font = { bold: true };
  }
}

function day(date: string | undefined): Date | null {
  return date === undefined ? null : new Date(`${date}T00:00:00.000Z`);
}
