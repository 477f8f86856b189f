/**
 * The sheets and columns of the plan workbook (DESIGN.md "The plan workbook"), with the other
 * names people give them. Names are compared after `headerKey`, so "Action completed by",
 * "action-completed-by" and "ACTION COMPLETED BY" are one name.
 */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** The name used in messages when the column is missing. */
  readonly label: string;
  readonly names: readonly string[];
  readonly required: boolean;
}

export interface SheetSpec<K extends string = string> {
  readonly key: SheetKey;
  readonly label: string;
  readonly names: readonly string[];
  readonly required: boolean;
  readonly columns: readonly ColumnSpec<K>[];
}

export type SheetKey =
  | 'workstreams'
  | 'actions'
  | 'roles'
  | 'calendar'
  | 'ratings'
  | 'deciders'
  | 'measures'
  | 'measureValues';

/** Lower case, letters and digits only: how sheet and column names are compared. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function column<K extends string>(
  key: K,
  label: string,
  required: boolean,
  names: readonly string[],
): ColumnSpec<K> {
  return { key, label, required, names: [label, ...names] };
}

export const WORKSTREAMS_SHEET: SheetSpec<'code' | 'name' | 'lead' | 'aim'> = {
  key: 'workstreams',
  label: 'Workstreams',
  names: ['Workstreams', 'Workstream', 'Areas', 'Areas of concern', 'Priorities'],
  required: true,
  columns: [
    column('code', 'Code', true, ['Workstream', 'Workstream code', 'Area code', 'Ref', 'Id']),
    column('name', 'Name', true, ['Workstream name', 'Title', 'Area', 'Area of concern']),
    column('lead', 'Lead', true, ['Lead role', 'Workstream lead', 'Lead officer', 'Owner']),
    column('aim', 'Aim', false, ['Aims', 'Objective', 'Purpose', 'Description']),
  ],
};

export type ActionColumn =
  | 'workstream'
  | 'ref'
  | 'step'
  | 'title'
  | 'owner'
  | 'contributors'
  | 'due'
  | 'revisedDue'
  | 'outcomes';

export const ACTIONS_SHEET: SheetSpec<ActionColumn> = {
  key: 'actions',
  label: 'Actions',
  names: ['Actions', 'Action plan', 'Plan'],
  required: true,
  columns: [
    column('workstream', 'Workstream', true, ['Workstream code', 'Area', 'Area of concern']),
    column('ref', 'Ref', true, ['Reference', 'Action ref', 'Action reference', 'Action no']),
    column('step', 'Step', false, ['Step letter', 'Sub action', 'Letter', 'Part']),
    column('title', 'Title', true, ['Action title', 'Action', 'Description', 'Action description']),
    column('owner', 'Owner', true, [
      'Owner role',
      'Responsible officer',
      'Lead officer',
      'Responsible',
      'Lead',
      'Accountable officer',
    ]),
    column('contributors', 'Contributors', false, ['Contributor', 'Partners', 'Supported by']),
    column('due', 'Due', true, [
      'Due date',
      'Action completed by',
      'Completed by',
      'Completion date',
      'Target date',
      'Deadline',
      'By when',
      'Timescale',
    ]),
    column('revisedDue', 'Revised due', false, [
      'Revised date',
      'Revised due date',
      'Revised completion date',
      'Revised timescale',
      'Revised deadline',
    ]),
    column('outcomes', 'Outcomes and measures', false, [
      'Outcomes',
      'Measures',
      'Outcome',
      'Success measures',
      'Outcomes measures',
    ]),
  ],
};

export const ROLES_SHEET: SheetSpec<'role' | 'title' | 'person' | 'deputy'> = {
  key: 'roles',
  label: 'Roles',
  names: ['Roles', 'People', 'Owners', 'Officers'],
  required: true,
  columns: [
    column('role', 'Role', true, ['Role code', 'Code']),
    column('title', 'Title', false, ['Role title', 'Job title', 'Description']),
    column('person', 'Person', true, ['Email', 'UPN', 'Person email', 'Holder', 'Officer']),
    column('deputy', 'Deputy', false, ['Deputy email', 'Cover', 'Delegate']),
  ],
};

export const CALENDAR_SHEET: SheetSpec<'period' | 'closes' | 'board'> = {
  key: 'calendar',
  label: 'Calendar',
  names: ['Calendar', 'Periods', 'Reporting periods', 'Reporting calendar', 'Timetable'],
  required: true,
  columns: [
    column('period', 'Period', true, ['Reporting period', 'Quarter']),
    column('closes', 'Closes', true, [
      'Closing date',
      'Close',
      'Closes on',
      'Deadline',
      'Period closes',
      'Reporting deadline',
      'Returns due',
    ]),
    column('board', 'Board meeting', false, [
      'Board date',
      'Board',
      'Board meeting date',
      'Meeting',
      'Meeting date',
    ]),
  ],
};

export const RATINGS_SHEET: SheetSpec<'ref' | 'period' | 'rating' | 'note'> = {
  key: 'ratings',
  label: 'Ratings',
  names: ['Ratings', 'History', 'Past ratings', 'BRAG', 'BRAG history', 'RAG'],
  required: false,
  columns: [
    column('ref', 'Ref', true, ['Reference', 'Action ref', 'Action reference', 'Action']),
    column('period', 'Period', true, ['Reporting period', 'Quarter']),
    column('rating', 'Rating', true, ['BRAG', 'RAG', 'BRAG rating', 'RAG rating', 'Status']),
    column('note', 'Note', false, ['Notes', 'Comment', 'Commentary', 'Update', 'Progress']),
  ],
};
