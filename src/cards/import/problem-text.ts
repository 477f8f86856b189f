import { ACCEPTED_DATE_FORMS, formatDate } from '../../domain/dates.js';
import type { ImportProblem } from '../../app/import/import-problem.js';

/** A problem in words: where it is, what is wrong and what to do, in plain British English. */
export interface ProblemText {
  readonly where: string;
  readonly what: string;
  readonly fix: string;
}

/** "Actions, row 5, column Workstream (A)" — the place as the spreadsheet shows it. */
export function describePlace(problem: ImportProblem): string {
  const parts = [problem.sheet];
  if (problem.row !== null) parts.push(`row ${problem.row}`);
  if (problem.column !== null) {
    const letter = problem.columnLetter === null ? '' : ` (${problem.columnLetter})`;
    parts.push(`column ${problem.column}${letter}`);
  }
  return parts.join(', ');
}

export function describeProblem(problem: ImportProblem): ProblemText {
  const value = problem.value ?? '';
  const detail = (name: string): string => String(problem.details[name] ?? '');
  const [what, fix] = words(problem, value, detail);
  return { where: describePlace(problem), what, fix };
}

/** One line: "Actions, row 5, column Workstream (A): … . …" */
export function problemLine(problem: ImportProblem): string {
  const text = describeProblem(problem);
  return `${text.where}: ${text.what} ${text.fix}`;
}

function words(
  problem: ImportProblem,
  value: string,
  detail: (name: string) => string,
): [string, string] {
  switch (problem.code) {
    case 'UNREADABLE_FILE':
      return [
        `The file could not be read (${detail('reason')}).`,
        'Save it again as .xlsx or .csv and send it again.',
      ];
    case 'MISSING_SHEET':
      return [
        `There is no ${problem.sheet} sheet.`,
        `Add a sheet (or a ${problem.sheet.toLowerCase()}.csv file) named ${problem.sheet}.`,
      ];
    case 'MISSING_COLUMN':
      return [
        `There is no ${problem.column ?? ''} column.`,
        'Add it to the header row (row 1), or rename the column that holds it.',
      ];
    case 'MISSING_VALUE':
      return ['This cell is empty.', 'Fill it in: it is needed.'];
    case 'UNKNOWN_WORKSTREAM':
      return [
        `"${value}" is not a workstream in the Workstreams sheet.`,
        'Use one of its codes, or add the workstream there.',
      ];
    case 'DUPLICATE_WORKSTREAM':
      return [
        `Workstream "${value}" is also on row ${detail('firstRow')}.`,
        'Give each workstream its own code, or delete the repeat.',
      ];
    case 'DUPLICATE_REFERENCE':
      return [
        `Action ${value} is also on row ${detail('firstRow')}.`,
        'Give each action its own reference; steps need a letter in the Step column.',
      ];
    case 'DUPLICATE_STEP':
      return [
        `Step ${value} of this action is also on row ${detail('firstRow')}.`,
        'Give each step its own letter, or delete the repeat.',
      ];
    case 'BAD_STEP_LETTER':
      return [
        `"${value}" is not a step letter.`,
        'Write a letter such as a, b or c (or leave it blank for the action itself).',
      ];
    case 'STEP_WITHOUT_ACTION':
      return [
        `This step belongs to ${value}, but there is no action row for ${value}.`,
        'Add a row for the action with the Step column blank, or correct the reference.',
      ];
    case 'STEP_IN_OTHER_WORKSTREAM':
      return [
        `This step says workstream "${value}" but its action ${detail('ref')} is in "${detail('actionWorkstream')}".`,
        'Make the two the same.',
      ];
    case 'UNREADABLE_DATE':
    case 'AMBIGUOUS_DATE':
      return [detail('reason') || `"${value}" is not a date I can read.`, ACCEPTED_DATE_FORMS];
    case 'UNKNOWN_ROLE':
      return [
        `"${value}" is not a role in the Roles sheet.`,
        'Use one of its role codes, or add the role there.',
      ];
    case 'DUPLICATE_ROLE':
      return [`Role ${value} is also on row ${detail('firstRow')}.`, 'List each role once.'];
    case 'NOT_AN_EMAIL':
      return [
        `"${value}" is not an email address.`,
        'Write the person’s work email (name@organisation.example), or leave it blank.',
      ];
    case 'DUPLICATE_PERIOD':
      return [
        `Period "${value}" is also on row ${detail('firstRow')}.`,
        'List each reporting period once.',
      ];
    case 'PERIODS_OUT_OF_ORDER':
      return [
        `This period closes on or before the one above it (${detail('previousPeriod')}, which closes on ${formatDate(detail('previousCloses'))}).`,
        'List periods in the order they close, and check the dates.',
      ];
    case 'BOARD_BEFORE_CLOSE':
      return [
        'The board meets before the period closes.',
        'Check the date: the board meeting usually comes after the closing date.',
      ];
    case 'UNKNOWN_RATING':
      return [`"${value}" is not a rating.`, 'Use Blue, Green, Amber or Red.'];
    case 'UNKNOWN_REF':
      return [
        `There is no action ${value} in the Actions sheet.`,
        'Correct the reference, or add the action.',
      ];
    case 'UNKNOWN_PERIOD':
      return [
        `"${value}" is not a period in the Calendar sheet.`,
        'Use one of its periods, or add the period there.',
      ];
    case 'DUPLICATE_RATING':
      return [
        `${detail('ref')} already has a rating for ${detail('period')} on row ${detail('firstRow')}.`,
        'Keep one rating per action and period.',
      ];
    case 'NO_ACTIONS':
      return ['There are no actions.', 'Add at least one action row.'];
    case 'WORKBOOK_TOO_BIG':
      return [
        `The workbook is too big to import: ${detail('found')} ${detail('measure')}; at most ${detail('limit')} can be read.`,
        'A plan workbook is far smaller. Check it is the plan, delete sheets, rows or pictures that are not part of it, and send it again.',
      ];
    case 'TOO_LONG':
      return [
        `This text is ${detail('length')} characters long; at most ${detail('limit')} can be kept.`,
        'Shorten it, or put the detail in a linked document.',
      ];
    case 'DUPLICATE_MEASURE':
      return [
        `Measure ${value} is also on row ${detail('firstRow')}.`,
        'Give each measure its own code, or delete the repeat.',
      ];
    case 'UNKNOWN_UNIT':
      return [`"${value}" is not a unit.`, 'Use %, number, days or £.'];
    case 'UNKNOWN_BETTER':
      return [
        `"${value}" does not say which way is better.`,
        'Write higher (more is better) or lower (less is better).',
      ];
    case 'UNKNOWN_FREQUENCY':
      return [
        `"${value}" is not a reporting frequency.`,
        'Write each period, monthly or termly, or leave it blank for each period.',
      ];
    case 'UNKNOWN_MEASURE_LINK':
      return [
        `"${value}" is neither an action in the Actions sheet nor a workstream.`,
        'Write action references or workstream codes, separated by commas.',
      ];
    case 'UNREADABLE_FIGURE':
      return [
        `"${value}" cannot be read: ${detail('reason')}.`,
        'Write each figure as a name, a value and its date, such as "England 60% (2020)", ' +
          'separated by semicolons.',
      ];
    case 'BAD_MEASURE_VALUE':
      return [detail('reason'), 'Correct the figure, or check the measure’s unit.'];
    case 'TARGET_BEFORE_BASELINE':
      return [
        `The target date is not after the baseline date (${formatDate(detail('baselineDate'))}).`,
        'Check the dates: a target is reached after the baseline was taken.',
      ];
    case 'UNKNOWN_MEASURE':
      return [
        `There is no measure ${value} in the Measures sheet.`,
        'Correct the code, or add the measure there.',
      ];
    case 'DUPLICATE_MEASURE_VALUE':
      return [
        `${detail('code')} already has a value for ${detail('period')} on row ${detail('firstRow')}.`,
        'Keep one value per measure and period.',
      ];
  }
}
