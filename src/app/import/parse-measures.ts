import type { Action } from '../../domain/action.js';
import type { IsoDate } from '../../domain/local-date.js';
import {
  parseBetter,
  parseFrequency,
  parseUnit,
  type DatedValue,
  type Measure,
  type MeasureUnit,
} from '../../domain/measure.js';
import { checkMeasureValue } from '../../domain/measure-value.js';
import type { BoundRow, BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import type { MeasureColumn } from './measure-sheet-specs.js';
import type { RoleIndex } from './parse-roles.js';
import type { WorkstreamIndex } from './parse-workstreams.js';
import type { DateReader } from './read-date.js';
import { readFigureList } from './read-figures.js';
import { checkLength } from './text-limits.js';

type MeasureRow = BoundRow<MeasureColumn>;

interface Context {
  readonly programmeId: string;
  /** Null when that sheet could not be read: references into it are then not checked. */
  readonly actions: readonly Action[] | null;
  readonly workstreams: WorkstreamIndex | null;
  readonly roles: RoleIndex | null;
  readonly problems: ImportProblem[];
  /** The workbook's date reader, so baseline and target dates are read as the plan's are. */
  readonly dates: DateReader;
}

/** Measures by upper-cased code, in sheet order. */
export type MeasureIndex = ReadonlyMap<string, Measure>;

/** Every row is checked whole, so one pass reports every problem in the sheet. */
export function parseMeasures(sheet: BoundSheet<MeasureColumn>, context: Context): MeasureIndex {
  const measures = new Map<string, Measure>();
  const firstRow = new Map<string, number>();
  for (const row of sheet.rows) {
    const code = row.get('code');
    const key = code.toUpperCase();
    const measure = parseRow(row, context);
    if (code === '') {
      context.problems.push(problemAt(row.place('code'), 'MISSING_VALUE'));
      continue;
    }
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      const details = { firstRow: earlier };
      context.problems.push(problemAt(row.place('code'), 'DUPLICATE_MEASURE', code, details));
      continue;
    }
    firstRow.set(key, row.number);
    if (measure) measures.set(key, measure);
  }
  return measures;
}

function parseRow(row: MeasureRow, context: Context): Measure | null {
  const { problems } = context;
  const before = problems.length;
  const required = (key: MeasureColumn): string => {
    const text = row.get(key);
    if (text === '') problems.push(problemAt(row.place(key), 'MISSING_VALUE'));
    return text;
  };
  const code = row.get('code');
  const name = required('name');
  checkLength(name, row.place('name'), problems);
  const unitText = required('unit');
  const unit = parseUnit(unitText);
  if (unitText !== '' && !unit)
    problems.push(problemAt(row.place('unit'), 'UNKNOWN_UNIT', unitText));
  const betterText = required('better');
  const better = parseBetter(betterText);
  if (betterText !== '' && !better) {
    problems.push(problemAt(row.place('better'), 'UNKNOWN_BETTER', betterText));
  }
  const frequencyText = row.get('frequency');
  const frequency = parseFrequency(frequencyText);
  if (!frequency) {
    problems.push(problemAt(row.place('frequency'), 'UNKNOWN_FREQUENCY', frequencyText));
  }
  const reporter = required('reportedBy');
  const role = context.roles?.get(reporter.toUpperCase());
  if (reporter !== '' && context.roles && !role) {
    problems.push(problemAt(row.place('reportedBy'), 'UNKNOWN_ROLE', reporter));
  }
  const source = row.get('source');
  checkLength(source, row.place('source'), problems);
  const links = readLinks(row, context);
  // Figures can only be checked against a unit that was read.
  const figures = unit ? readFigures(row, unit, problems, context.dates) : null;
  if (problems.length > before || !unit || !better || !frequency || !figures) return null;
  return {
    programmeId: context.programmeId,
    code,
    name,
    unit,
    better,
    ...figures,
    ...links,
    reportedBy: role?.code ?? reporter,
    frequency,
    source,
  };
}

function readLinks(row: MeasureRow, context: Context): { refs: string[]; workstreams: string[] } {
  const refs: string[] = [];
  const workstreams: string[] = [];
  const actions = new Map(context.actions?.map((action) => [action.ref.toUpperCase(), action]));
  for (const link of row
    .get('links')
    .split(/[,;\n]/)
    .map((part) => part.trim())) {
    if (link === '') continue;
    const action = actions.get(link.toUpperCase());
    const workstream = context.workstreams?.get(link.toUpperCase());
    if (action) refs.push(action.ref);
    else if (workstream) workstreams.push(workstream.code);
    else if (context.actions && context.workstreams) {
      context.problems.push(problemAt(row.place('links'), 'UNKNOWN_MEASURE_LINK', link));
    }
  }
  return { refs, workstreams };
}

type Figures = Pick<Measure, 'baseline' | 'target' | 'interimTargets' | 'comparators'>;

function readFigures(
  row: MeasureRow,
  unit: MeasureUnit,
  problems: ImportProblem[],
  dates: DateReader,
): Figures | null {
  const before = problems.length;
  const baseline = readDatedValue(row, 'baseline', 'baselineDate', unit, problems, dates);
  const target = readDatedValue(row, 'target', 'targetDate', unit, problems, dates);
  if (baseline && target && target.date <= baseline.date) {
    problems.push(
      problemAt(row.place('targetDate'), 'TARGET_BEFORE_BASELINE', row.get('targetDate'), {
        baselineDate: baseline.date,
      }),
    );
  }
  const interim = readFigureList(row.get('interimTargets'), unit);
  const interimTargets: DatedValue[] = [];
  if (!interim.ok) {
    const details = { reason: interim.reason };
    problems.push(
      problemAt(row.place('interimTargets'), 'UNREADABLE_FIGURE', interim.entry, details),
    );
  } else {
    for (const figure of interim.figures) {
      if (figure.date === null) {
        const details = { reason: 'an interim target needs its date, in brackets' };
        const place = row.place('interimTargets');
        problems.push(problemAt(place, 'UNREADABLE_FIGURE', `${figure.value}`, details));
      } else interimTargets.push({ value: figure.value, date: figure.date });
    }
  }
  const listed = readFigureList(row.get('comparators'), unit);
  if (!listed.ok) {
    const details = { reason: listed.reason };
    problems.push(problemAt(row.place('comparators'), 'UNREADABLE_FIGURE', listed.entry, details));
  } else {
    for (const figure of listed.figures.filter((f) => f.name === '')) {
      const details = { reason: 'a comparator needs a name, such as England' };
      const place = row.place('comparators');
      problems.push(problemAt(place, 'UNREADABLE_FIGURE', `${figure.value}`, details));
    }
  }
  if (problems.length > before || !listed.ok) return null;
  return {
    baseline,
    target,
    interimTargets: interimTargets.sort((a, b) => (a.date < b.date ? -1 : 1)),
    comparators: listed.figures.map(({ name, value, asAt, date }) => ({ name, value, asAt, date })),
  };
}

/** A value and its date: both or neither; the value must fit the unit. */
function readDatedValue(
  row: MeasureRow,
  valueKey: 'baseline' | 'target',
  dateKey: 'baselineDate' | 'targetDate',
  unit: MeasureUnit,
  problems: ImportProblem[],
  dates: DateReader,
): DatedValue | null {
  const text = row.get(valueKey);
  const dateText = row.get(dateKey);
  let value: number | null = null;
  if (text !== '') {
    const checked = checkMeasureValue({ code: row.get('code'), unit }, text);
    if (checked.ok) value = checked.value;
    else {
      const details = { reason: checked.message };
      problems.push(problemAt(row.place(valueKey), 'BAD_MEASURE_VALUE', text, details));
    }
  }
  const date: IsoDate | null = dates.day(dateText, row.place(dateKey));
  if (text !== '' && dateText === '') problems.push(problemAt(row.place(dateKey), 'MISSING_VALUE'));
  if (text === '' && dateText !== '')
    problems.push(problemAt(row.place(valueKey), 'MISSING_VALUE'));
  return value !== null && date !== null ? { value, date } : null;
}
