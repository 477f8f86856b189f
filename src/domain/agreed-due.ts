import type { IsoDate } from './local-date.js';
import { samePlanDates, type PlanDates, type RevisionRequest } from './revision.js';

/**
 * An approved date as the action's record keeps it, so every reader of the action (`/status`
 * and its counts, `/mine`, chases) counts it without reading the requests: the date, the plan
 * dates it was agreed against, and the decision it came from.
 */
export interface AgreedDue {
  readonly requestId: string;
  readonly toDue: IsoDate;
  readonly planDates: PlanDates;
  /** When it was approved (UTC ISO): a later approval replaces an earlier one, never the reverse. */
  readonly decidedAt: string;
}

/** What an approved request leaves on its action's record; null for any other outcome. */
export function agreedDueOf(request: RevisionRequest): AgreedDue | null {
  if (request.decision?.outcome !== 'approved') return null;
  return {
    requestId: request.id,
    toDue: request.toDue,
    planDates: request.planDates,
    decidedAt: request.decision.at,
  };
}

/** The kept date, while the plan still has the dates it was agreed against (see `stillAgreed` in revision.ts). */
export function agreedDueFor(planDates: PlanDates, agreed: AgreedDue | null): IsoDate | null {
  return agreed !== null && samePlanDates(agreed.planDates, planDates) ? agreed.toDue : null;
}

/** Whether `next` replaces `kept`: decided later (or the same decision again). */
export function replacesAgreed(kept: AgreedDue | null, next: AgreedDue): boolean {
  if (kept === null) return true;
  const order = (a: AgreedDue): string => `${a.decidedAt}|${a.requestId}`;
  return order(next) >= order(kept);
}
