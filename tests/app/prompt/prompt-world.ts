import type { StatusUpdate } from '../../../src/domain/status-update.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { loadSamplePlan, type SamplePlan } from '../../support/sample-plan.js';

/**
 * The sample plan in the in-memory store as it stood before `periodId` was reported (later
 * ratings left out), with every person's personal chat recorded so all can be reached.
 */
export async function sampleWorldBefore(
  periodId: string,
  /** Changes to the plan before it is stored (a revised due date, say). */
  adjust: (plan: SamplePlan) => SamplePlan = (plan) => plan,
): Promise<{
  readonly store: Store;
  readonly plan: SamplePlan;
  readonly ratings: readonly StatusUpdate[];
}> {
  const plan = adjust(loadSamplePlan());
  const index = plan.programme.periods.findIndex((p) => p.id === periodId);
  const earlier = new Set(plan.programme.periods.slice(0, index).map((p) => p.id));
  const ratings = plan.updates.filter((u) => earlier.has(u.periodId));
  const store = createMemoryStore();
  await store.plans.replace({
    programme: plan.programme,
    workstreams: plan.workstreams,
    actions: plan.actions,
    roles: plan.roles,
    ratings,
  });
  for (const person of plan.people) {
    await store.people.save(person);
    await store.conversations.save({
      key: `personal:${person.email}`,
      kind: 'personal',
      tenantId: 'tenant-1',
      aadObjectId: person.email,
      email: person.email,
      reference: { conversation: { id: `a:${person.email}` } },
      updatedAt: '2020-12-01T00:00:00.000Z',
    });
  }
  return { store, plan, ratings };
}
