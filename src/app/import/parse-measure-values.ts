import type { MeasureValue } from '../../domain/measure-value.js';
import { checkMeasureValue } from '../../domain/measure-value.js';
import type { ReportingPeriod } from '../../domain/programme.js';
import type { BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import type { MeasureIndex } from './parse-measures.js';
import { importedUpdateAt } from './parse-ratings.js';
import { checkLength } from './text-limits.js';

type ValueColumn = 'code' | 'period' | 'value' | 'note';

/** Stable, so importing the same row again finds the value it recorded last time. */
export function importedValueId(programmeId: string, code: string, periodId: string): string {
  return `import|${programmeId}|measure|${code.toUpperCase()}|${periodId}`;
}

interface Context {
  readonly programmeId: string;
  /** Null when the Measures sheet could not be read: codes are then not checked. */
  readonly measures: MeasureIndex | null;
  readonly periods: readonly ReportingPeriod[] | null;
  readonly problems: ImportProblem[];
}

/** Past values, one per measure and period, each checked against its measure's unit. */
export function parseMeasureValues(
  sheet: BoundSheet<ValueColumn>,
  context: Context,
): MeasureValue[] {
  const { problems } = context;
  const periods = new Map(context.periods?.map((period) => [period.id.toUpperCase(), period]));
  const firstRow = new Map<string, number>();
  const values: MeasureValue[] = [];
  for (const row of sheet.rows) {
    const codeText = row.get('code');
    const periodText = row.get('period');
    const valueText = row.get('value');
    const note = row.get('note');
    if (valueText === '' && note === '') continue;
    const measure = context.measures?.get(codeText.toUpperCase());
    const period = periods.get(periodText.toUpperCase());
    if (codeText === '') problems.push(problemAt(row.place('code'), 'MISSING_VALUE'));
    else if (context.measures && !measure) {
      problems.push(problemAt(row.place('code'), 'UNKNOWN_MEASURE', codeText));
    }
    if (periodText === '') problems.push(problemAt(row.place('period'), 'MISSING_VALUE'));
    else if (context.periods && !period) {
      problems.push(problemAt(row.place('period'), 'UNKNOWN_PERIOD', periodText));
    }
    checkLength(note, row.place('note'), problems);
    if (measure && period) {
      const id = importedValueId(context.programmeId, measure.code, period.id);
      const earlier = firstRow.get(id);
      if (earlier !== undefined) {
        const details = { firstRow: earlier, code: measure.code, period: period.id };
        problems.push(problemAt(row.place('code'), 'DUPLICATE_MEASURE_VALUE', codeText, details));
        continue;
      }
      firstRow.set(id, row.number);
    }
    if (valueText === '') {
      problems.push(problemAt(row.place('value'), 'MISSING_VALUE'));
      continue;
    }
    if (!measure || !period) continue;
    const checked = checkMeasureValue(measure, valueText);
    if (!checked.ok) {
      const details = { reason: checked.message };
      problems.push(problemAt(row.place('value'), 'BAD_MEASURE_VALUE', valueText, details));
      continue;
    }
    values.push({
      id: importedValueId(context.programmeId, measure.code, period.id),
      programmeId: context.programmeId,
      code: measure.code,
      periodId: period.id,
      value: checked.value,
      note,
      by: 'import',
      at: importedUpdateAt(period),
      source: 'import',
    });
  }
  return values;
}
