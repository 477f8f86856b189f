import { column, type SheetSpec } from './sheet-specs.js';

/** The optional Measures sheet (DESIGN.md "The plan workbook"), one row per measure. */
export type MeasureColumn =
  | 'code'
  | 'name'
  | 'unit'
  | 'better'
  | 'baseline'
  | 'baselineDate'
  | 'target'
  | 'targetDate'
  | 'interimTargets'
  | 'comparators'
  | 'links'
  | 'reportedBy'
  | 'frequency'
  | 'source';

export const MEASURES_SHEET: SheetSpec<MeasureColumn> = {
  key: 'measures',
  label: 'Measures',
  names: ['Measures', 'Outcome measures', 'Indicators', 'KPIs', 'Performance measures'],
  required: false,
  columns: [
    column('code', 'Code', true, ['Measure code', 'Measure', 'Indicator code', 'Id']),
    column('name', 'Name', true, ['Measure name', 'Title', 'Indicator', 'Description']),
    column('unit', 'Unit', true, ['Units', 'Unit of measure', 'Measured in']),
    column('better', 'Better', true, [
      'Better is',
      'Which way is better',
      'Polarity',
      'Good is',
      'Direction',
    ]),
    column('baseline', 'Baseline', false, ['Baseline value', 'Starting point']),
    column('baselineDate', 'Baseline date', false, ['Baseline as at', 'Baseline year']),
    column('target', 'Target', false, ['Target value', 'Aim']),
    column('targetDate', 'Target date', false, ['Target by', 'By when', 'Target year']),
    column('interimTargets', 'Interim targets', false, ['Interim target', 'Milestones']),
    column('comparators', 'Comparators', false, [
      'Comparator',
      'Benchmarks',
      'Benchmark',
      'Comparison',
    ]),
    column('links', 'Ref or workstream', false, [
      'Ref',
      'Refs',
      'Reference',
      'Action',
      'Actions',
      'Workstream',
      'Action or workstream',
      'Belongs to',
    ]),
    column('reportedBy', 'Reported by', true, [
      'Reporter',
      'Reported by role',
      'Owner',
      'Responsible officer',
      'Role',
    ]),
    column('frequency', 'Frequency', false, ['How often', 'Reporting frequency', 'Cycle']),
    column('source', 'Source', false, ['Data source', 'Evidence source', 'From']),
  ],
};

/** The optional Measure values sheet: past values, one per measure and period. */
export const MEASURE_VALUES_SHEET: SheetSpec<'code' | 'period' | 'value' | 'note'> = {
  key: 'measureValues',
  label: 'Measure values',
  names: ['Measure values', 'Measure history', 'Measures history', 'Values', 'Measure data'],
  required: false,
  columns: [
    column('code', 'Code', true, ['Measure code', 'Measure']),
    column('period', 'Period', true, ['Reporting period', 'Quarter']),
    column('value', 'Value', true, ['Figure', 'Result', 'Actual']),
    column('note', 'Note', false, ['Notes', 'Comment', 'Commentary']),
  ],
};
