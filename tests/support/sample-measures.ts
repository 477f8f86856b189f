import { parseImportDate } from '../../src/domain/dates.js';
import type { Comparator, Measure } from '../../src/domain/measure.js';
import type { MeasureValue } from '../../src/domain/measure-value.js';
import type { Programme } from '../../src/domain/programme.js';

/**
 * The sample's measures.csv and measure-values.csv as domain objects, read plainly (the
 * sample has no targets and only the forms below), so tests can check the importer against
 * a reader that shares none of its code.
 */
export function loadSampleMeasures(
  programme: Programme,
  readSheet: (name: string) => Record<string, string>[],
): { readonly measures: Measure[]; readonly measureValues: MeasureValue[] } {
  const measures = readSheet('measures').map((record): Measure => {
    const baseline = record.Baseline ?? '';
    return {
      programmeId: programme.id,
      code: need(record, 'Code'),
      name: need(record, 'Name'),
      unit: need(record, 'Unit') === '%' ? '%' : 'number',
      better: need(record, 'Better') === 'lower' ? 'lower' : 'higher',
      baseline:
        baseline === '' ? null : { value: Number(baseline), date: need(record, 'Baseline date') },
      target: null,
      interimTargets: [],
      comparators: comparators(record.Comparators ?? ''),
      refs: [need(record, 'Ref')],
      workstreams: [],
      reportedBy: need(record, 'Reported by'),
      frequency: need(record, 'Frequency') as Measure['frequency'],
      source: need(record, 'Source'),
    };
  });
  const measureValues = readSheet('measure-values').map((record): MeasureValue => {
    const code = need(record, 'Code');
    const periodId = need(record, 'Period');
    const period = programme.periods.find((p) => p.id === periodId);
    if (!period) throw new Error(`The sample has a value for an unknown period ${periodId}.`);
    return {
      id: `import|${programme.id}|measure|${code}|${periodId}`,
      programmeId: programme.id,
      code,
      periodId,
      value: Number(need(record, 'Value')),
      note: need(record, 'Note'),
      by: 'import',
      at: `${period.closes}T12:00:00.000Z`,
      source: 'import',
    };
  });
  return { measures, measureValues };
}

function comparators(text: string): Comparator[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.+) ([\d.]+)% \((.+)\)$/.exec(part);
      if (!match) throw new Error(`The sample has a comparator in another form: "${part}".`);
      const [, name = '', value = '', asAt = ''] = match;
      const parsed = /^\d{4}$/.test(asAt) ? `${asAt}-12-31` : parseImportDate(asAt);
      const date = typeof parsed === 'string' ? parsed : parsed.ok ? parsed.value : null;
      return { name, value: Number(value), asAt, date };
    });
}

function need(record: Record<string, string>, column: string): string {
  const value = record[column];
  if (value === undefined) throw new Error(`The sample's measures have no column "${column}".`);
  return value;
}
