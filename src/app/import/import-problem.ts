/**
 * What can be wrong with a workbook. Stable codes: the bot and the CLI turn them into words
 * (see `problem-text.ts`), tests compare them.
 */
export type ImportProblemCode =
  | 'UNREADABLE_FILE'
  | 'MISSING_SHEET'
  | 'MISSING_COLUMN'
  | 'MISSING_VALUE'
  | 'UNKNOWN_WORKSTREAM'
  | 'DUPLICATE_WORKSTREAM'
  | 'DUPLICATE_REFERENCE'
  | 'DUPLICATE_STEP'
  | 'BAD_STEP_LETTER'
  | 'STEP_WITHOUT_ACTION'
  | 'STEP_IN_OTHER_WORKSTREAM'
  | 'UNREADABLE_DATE'
  | 'AMBIGUOUS_DATE'
  | 'UNKNOWN_ROLE'
  | 'DUPLICATE_ROLE'
  | 'NOT_AN_EMAIL'
  | 'DUPLICATE_PERIOD'
  | 'PERIODS_OUT_OF_ORDER'
  | 'BOARD_BEFORE_CLOSE'
  | 'UNKNOWN_RATING'
  | 'UNKNOWN_REF'
  | 'UNKNOWN_PERIOD'
  | 'DUPLICATE_RATING'
  | 'NO_ACTIONS'
  | 'TOO_LONG'
  /** Past one of the limits in `xlsx-limits.ts`; refused before the workbook is loaded. */
  | 'WORKBOOK_TOO_BIG'
  | 'DUPLICATE_MEASURE'
  | 'UNKNOWN_UNIT'
  | 'UNKNOWN_BETTER'
  | 'UNKNOWN_FREQUENCY'
  | 'UNKNOWN_MEASURE_LINK'
  | 'UNREADABLE_FIGURE'
  | 'BAD_MEASURE_VALUE'
  | 'TARGET_BEFORE_BASELINE'
  | 'UNKNOWN_MEASURE'
  | 'DUPLICATE_MEASURE_VALUE';

/** One problem, at the place a person will look for it. */
export interface ImportProblem {
  readonly code: ImportProblemCode;
  /** The sheet as the workbook names it (or as the format names it, when it is missing). */
  readonly sheet: string;
  /** The row as the spreadsheet numbers it (header row 1); null for the whole sheet. */
  readonly row: number | null;
  /** The column header as written, or the format's name when it is missing; null for a row. */
  readonly column: string | null;
  /** Excel's column letter (A, B, AA), when the column exists. */
  readonly columnLetter: string | null;
  /** The cell's text as found, when that helps. */
  readonly value: string | null;
  /** Facts the words need: the first row of a duplicate, the period before, and so on. */
  readonly details: Readonly<Record<string, string | number>>;
}

export type ProblemPlace = Pick<ImportProblem, 'sheet' | 'row' | 'column' | 'columnLetter'>;

export function problemAt(
  place: ProblemPlace,
  code: ImportProblemCode,
  value: string | null = null,
  details: Readonly<Record<string, string | number>> = {},
): ImportProblem {
  return { code, ...place, value, details };
}
