import type { Action } from '../../domain/action.js';
import type { DueDate, IsoDate } from '../../domain/local-date.js';
import {
  agreedRevisions,
  overruledRevisions,
  type RevisionRequest,
} from '../../domain/revision.js';

/**
 * What a re-import does to agreed revised dates, for the preview: an agreed revision stays
 * unless the workbook itself changes that action's dates, and then the preview says so,
 * action by action, before anyone confirms.
 */
export interface RevisionChange {
  readonly ref: string;
  /** The agreed date the workbook overrules. */
  readonly agreedDue: IsoDate;
  readonly agreedBy: string;
  /** UTC ISO instant of the decision. */
  readonly agreedAt: string;
  /** The date that will count once the workbook is applied. */
  readonly workbookDue: DueDate | null;
}

export interface RevisionEffects {
  /** Agreed revisions the workbook's new dates replace, in the plan's order. */
  readonly overruled: readonly RevisionChange[];
  /** Actions whose agreed revisions stay, because the workbook leaves their dates alone. */
  readonly kept: readonly string[];
}

type PlanAction = Pick<Action, 'ref' | 'due' | 'revisedDue'>;

export function revisionEffects(
  before: readonly PlanAction[],
  after: readonly PlanAction[],
  requests: readonly RevisionRequest[],
): RevisionEffects {
  const overruled = revisionChanges(before, after, requests);
  const replaced = new Set(overruled.map((change) => change.ref.toUpperCase()));
  const next = new Set(after.map((action) => action.ref.toUpperCase()));
  const kept = before
    .filter((action) => {
      const ref = action.ref.toUpperCase();
      if (replaced.has(ref) || !next.has(ref)) return false;
      const own = requests.filter((r) => r.ref.toUpperCase() === ref);
      return agreedRevisions(action, own).length > 0;
    })
    .map((action) => action.ref);
  return { overruled, kept };
}

export function revisionChanges(
  before: readonly PlanAction[],
  after: readonly PlanAction[],
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
