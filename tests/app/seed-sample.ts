import type { Store } from '../../src/store/store.js';
import { loadSamplePlan, type SamplePlan } from '../support/sample-plan.js';

/** Loads the Thurrock sample plan, with its past ratings, into a store. */
export async function seedSamplePlan(store: Pick<Store, 'plans' | 'people'>): Promise<SamplePlan> {
  const plan = loadSamplePlan();
  await store.plans.replace({
    programme: plan.programme,
    workstreams: plan.workstreams,
    actions: plan.actions,
    roles: plan.roles,
    ratings: plan.updates,
    measures: plan.measures,
    measureValues: plan.measureValues,
  });
  for (const person of plan.people) await store.people.save(person);
  return plan;
}

/** A clock stopped at one instant: tests say what "now" is. */
export function fixedClock(iso: string): { now(): Date } {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}
