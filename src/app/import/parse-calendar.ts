import type { ReportingPeriod } from '../../domain/programme.js';
import type { BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import type { DateReader } from './read-date.js';

type CalendarColumn = 'period' | 'closes' | 'board';

/**
 * Periods in the order the sheet gives them, which must be closing order: the scheduler and
 * "moved since last period" both rely on it, so a period out of place is a problem, not
 * something to sort quietly.
 */
export function parseCalendar(
  sheet: BoundSheet<CalendarColumn>,
  problems: ImportProblem[],
  dates: DateReader,
): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  const firstRow = new Map<string, number>();
  let previous: { readonly id: string; readonly closes: string } | null = null;
  for (const row of sheet.rows) {
    const id = row.get('period');
    const closesText = row.get('closes');
    const closes = dates.day(closesText, row.place('closes'));
    const boardMeeting = dates.day(row.get('board'), row.place('board'));
    if (id === '') problems.push(problemAt(row.place('period'), 'MISSING_VALUE'));
    if (closesText === '') problems.push(problemAt(row.place('closes'), 'MISSING_VALUE'));
    const key = id.toUpperCase();
    const duplicate = id !== '' && firstRow.has(key);
    if (duplicate) {
      const details = { firstRow: firstRow.get(key) ?? 0 };
      problems.push(problemAt(row.place('period'), 'DUPLICATE_PERIOD', id, details));
    }
    if (closes !== null && previous !== null && closes <= previous.closes) {
      problems.push(
        problemAt(row.place('closes'), 'PERIODS_OUT_OF_ORDER', closesText, {
          previousPeriod: previous.id,
          previousCloses: previous.closes,
        }),
      );
    }
    if (closes !== null && boardMeeting !== null && boardMeeting < closes) {
      problems.push(problemAt(row.place('board'), 'BOARD_BEFORE_CLOSE', row.get('board')));
    }
    if (closes !== null) previous = { id, closes };
    if (id === '' || duplicate || closes === null) continue;
    firstRow.set(key, row.number);
    periods.push({ id, closes, boardMeeting });
  }
  return periods;
}
