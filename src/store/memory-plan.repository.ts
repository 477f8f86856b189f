import type { Action } from '../domain/action.js';
import type { Role } from '../domain/people.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { codeKey, historyOrderKey } from './keys.js';
import { appendMeasureValues } from './memory-measure.repository.js';
import { assertPlanFits } from './limits.js';
import {
  appendHistory,
  statusKey,
  toCurrent,
  type MemoryPlan,
  type MemoryState,
} from './memory-state.js';
import type { Plan, PlanRepository } from './plan.repository.js';

/** The in-memory fake of {@link PlanRepository}: one synchronous swap is already atomic. */
export function createMemoryPlanRepository(state: MemoryState): PlanRepository {
  return {
    replace(plan: Plan, progress): Promise<void> {
      // Through a promise so that a refusal (TOO_LARGE) rejects, as the Azure store's does.
      return Promise.resolve().then(() => {
        replaceNow(state, plan);
        progress?.(plan.actions.length, plan.actions.length);
      });
    },
  };
}

function replaceNow(state: MemoryState, plan: Plan): void {
  assertPlanFits(plan);
  const programmeKey = codeKey(plan.programme.id);
  const actions = new Map<string, Action>();
  for (const action of plan.actions) {
    actions.set(codeKey(action.ref), structuredClone({ ...action, current: null }));
  }
  const next: MemoryPlan = { workstreams: structuredClone(plan.workstreams), actions };
  state.programmes.set(programmeKey, structuredClone(plan.programme));
  state.plans.set(programmeKey, next);
  state.roles.set(
    programmeKey,
    new Map(plan.roles.map((role): [string, Role] => [codeKey(role.code), structuredClone(role)])),
  );
  state.measures.set(programmeKey, structuredClone(plan.measures ?? []));
  appendMeasureValues(state, plan.programme.id, plan.measureValues ?? []);
  // Ratings for references the plan does not have could not be read back: not kept.
  recordRatings(
    state,
    plan.ratings.filter((rating) => actions.has(codeKey(rating.ref))),
  );
}

/** Past ratings join the history; one newer than an action's current status becomes it. */
function recordRatings(state: MemoryState, ratings: readonly StatusUpdate[]): void {
  const byAction = new Map<string, StatusUpdate[]>();
  for (const rating of ratings) {
    const key = statusKey(rating.programmeId, rating.ref);
    // Pushed, not copied: copying the list each time made a 10,000-row import quadratic.
    const list = byAction.get(key) ?? [];
    list.push(rating);
    byAction.set(key, list);
  }
  for (const [key, updates] of byAction) {
    appendHistory(state, key, updates);
    const newest = state.history.get(key)?.[0];
    const status = state.statuses.get(key);
    if (!newest || status?.current.updateId === newest.id) continue;
    if (
      status &&
      historyOrderKey({ at: status.current.at, id: status.current.updateId }) <
        historyOrderKey(newest)
    )
      continue;
    state.statuses.set(key, {
      current: toCurrent(newest),
      proposedDue: status?.proposedDue ?? newest.proposedDue,
      etag: state.nextEtag(),
    });
  }
}
