import type { SheetSpec } from './sheet-specs.js';

export type DecidersColumn = 'role' | 'workstreams';

/**
 * The optional Deciders sheet: which roles decide revised due dates, and for which
 * workstreams. Absent, the default holds (the board chair's role, each workstream's lead
 * for its own actions); present, its rows are the deciders.
 */
export const DECIDERS_SHEET: SheetSpec<DecidersColumn> = {
  key: 'deciders',
  label: 'Deciders',
  names: [
    'Deciders',
    'Decides revised dates',
    'Revised dates',
    'Revision deciders',
    'Approvers',
    'Decision makers',
  ],
  required: false,
  columns: [
    {
      key: 'role',
      label: 'Role',
      required: true,
      names: ['Role', 'Role code', 'Decider', 'Approver', 'Decided by'],
    },
    {
      key: 'workstreams',
      label: 'Workstreams',
      required: false,
      names: ['Workstreams', 'Workstream', 'Decides for', 'For', 'Scope'],
    },
  ],
};
