import { createHash } from 'node:crypto';
import type { Action } from '../../domain/action.js';
import { normaliseEmail } from '../../domain/people.js';
import type { IsoDate } from '../../domain/local-date.js';
import type { Programme, ReportingPeriod } from '../../domain/programme.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { ActionRepository } from '../../store/action.repository.js';
import { namedPeriodIfOpen } from '../reporting-day.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { Versioned } from '../../store/versioned.js';

export interface NoChangeDeps {
  readonly actions: Pick<ActionRepository, 'get' | 'recordUpdate'>;
  readonly roles: Pick<RoleRepository, 'get'>;
}

export type NoChangeOutcome =
  | {
      readonly ok: true;
      readonly update: StatusUpdate;
      readonly action: Versioned<Action>;
      readonly period: ReportingPeriod;
    }
  | { readonly ok: false; readonly code: 'ACTION_NOT_FOUND'; readonly ref: string }
  | { readonly ok: false; readonly code: 'NOT_OWNER'; readonly action: Action }
  | {
      readonly ok: false;
      readonly code: 'PERIOD_CLOSED';
      readonly action: Action;
      readonly periodId: string;
    }
  /** Never rated: there is no rating to carry forward, so it needs a real update. */
  | { readonly ok: false; readonly code: 'NO_PREVIOUS_RATING'; readonly action: Action }
  /** Already answered for this period: nothing to roll over. */
  | {
      readonly ok: false;
      readonly code: 'ALREADY_ANSWERED';
      readonly action: Action;
      readonly update: StatusUpdate | null;
    };

/**
 * "No change since last period" on a prompt: records a new update with the action's current
 * rating, marked rolled over (so the digest can say so), by the owner, their deputy or an
 * admin, while the period is open. Pressing it twice records it once.
 */
export async function recordNoChange(
  deps: NoChangeDeps,
  programme: Programme,
  request: { readonly ref: string; readonly periodId: string },
  updater: { readonly email: string | null; readonly isAdmin: boolean },
  now: Date,
  today: IsoDate,
): Promise<NoChangeOutcome> {
  const found = await deps.actions.get(programme.id, request.ref);
  if (!found) return { ok: false, code: 'ACTION_NOT_FOUND', ref: request.ref };
  const action = found.value;
  const email = updater.email === null ? null : normaliseEmail(updater.email);
  if (!updater.isAdmin) {
    const role = await deps.roles.get(programme.id, action.ownerRole);
    if (email === null || (role?.person !== email && role?.deputy !== email)) {
      return { ok: false, code: 'NOT_OWNER', action };
    }
  }
  const period = namedPeriodIfOpen(programme, request.periodId, today);
  if (!period) {
    return { ok: false, code: 'PERIOD_CLOSED', action, periodId: request.periodId };
  }
  const current = action.current;
  if (current === null) return { ok: false, code: 'NO_PREVIOUS_RATING', action };
  if (current.periodId === period.id)
    return { ok: false, code: 'ALREADY_ANSWERED', action, update: null };
  const by = email ?? 'unknown';
  const update: StatusUpdate = {
    id: `nochange-${createHash('sha256').update([programme.id, action.ref, period.id].join('\n')).digest('hex').slice(0, 32)}`,
    programmeId: programme.id,
    ref: action.ref,
    periodId: period.id,
    rating: current.rating,
    note: '',
    evidence: null,
    proposedDue: null,
    rolledOver: true,
    by,
    at: now.toISOString(),
    source: 'prompt',
  };
  const result = await deps.actions.recordUpdate(update, found.etag);
  if (result.ok) return { ok: true, update, action: result.action, period };
  if (result.code === 'STALE_UPDATE') {
    return { ok: false, code: 'ALREADY_ANSWERED', action: result.current.value, update: null };
  }
  return { ok: false, code: 'ACTION_NOT_FOUND', ref: request.ref };
}
