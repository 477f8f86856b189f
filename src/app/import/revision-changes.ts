import type { Action } from '../../domain/action.js';
import { formatDate } from '../../domain/dates.js';
import type { DueDate } from '../../domain/local-date.js';
import { overruledRevisions, type RevisionRequest } from '../../domain/revision.js';

/**
 * What a re-import does to agreed revised dates, for the preview: an agreed revision stays
 * unless the workbook itself changes that action's dates, and then the preview says so,
 * action by action, before anyone confirms.
 */
export interface RevisionChange {
  readonly ref: string;
  /** The agreed date the workbook overrules. */
  readonly agreedDue: DueDate;
  readonly agreedBy: string;
  readonly agreedAt: string;
  /** The date that will count once the workbook is applied. */
  readonly workbookDue: DueDate | null;
}

export function revisionChanges(
  before: readonly Action[],
  after: readonly Action[],
  requests: readonly RevisionRequest[],
): RevisionChange[] {
  return overruledRevisions(before, after, requests).map((overruled) => ({
    ref: overruled.ref,
    agreedDue: overruled.agreed.toDue,
    agreedBy: overruled.agreed.decision?.by ?? '',
    agreedAt: overruled.agreed.decision?.at ?? '',
    workbookDue: overruled.workbook.revisedDue ?? overruled.workbook.due,
  }));
}

function dateWords(due: DueDate | null): string {
  if (due === null) return 'no due date';
  return due === 'Ongoing' ? 'Ongoing' : formatDate(due);
}

/**
 * "C2: the workbook changes its dates, so the revised date agreed by cd@council.example on
 * 12 Jan 2021 (31 Jul 2021) gives way to the workbook's (30 Sept 2021)."
 */
export function revisionChangeLine(change: RevisionChange): string {
  const on = change.agreedAt === '' ? '' : ` on ${formatDate(change.agreedAt.slice(0, 10))}`;
  return (
    `${change.ref}: the workbook changes its dates, so the revised date agreed by ` +
    `${change.agreedBy}${on} (${dateWords(change.agreedDue)}) gives way to the workbook's ` +
    `(${dateWords(change.workbookDue)}).`
  );
}
