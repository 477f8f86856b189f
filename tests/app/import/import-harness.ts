import { createAdminDirectory } from '../../../src/app/admin/admin-directory.js';
import type { Actor } from '../../../src/app/admin/actor.js';
import { readCurrentPlan } from '../../../src/app/import/current-plan.js';
import { createImportUseCase } from '../../../src/app/import/import.use-case.js';
import { createMemoryAdminRepository } from '../../../src/store/memory-admin.repository.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { PlanRepository } from '../../../src/store/plan.repository.js';
import type { Store } from '../../../src/store/store.js';

export const ADMIN: Actor = { kind: 'person', email: 'admin@council.example', aadObjectId: null };
export const OWNER: Actor = { kind: 'person', email: 'ades@council.example', aadObjectId: null };

/** The import use case over a store, counting the writes it makes. */
export function importHarness(store: Store = createMemoryStore()) {
  const writes = { count: 0 };
  const plans: PlanRepository = {
    replace: (plan) => {
      writes.count += 1;
      return store.plans.replace(plan);
    },
  };
  const directory = createAdminDirectory({
    configured: ['admin@council.example'],
    admins: createMemoryAdminRepository(),
  });
  const importer = createImportUseCase({ ...store, plans, directory });
  return { store, importer, writes };
}

/** Everything a person could see of a programme's plan, plus its whole history. */
export async function snapshot(store: Store, programmeId: string): Promise<unknown> {
  const current = await readCurrentPlan(store, programmeId);
  return {
    current: current && { ...current, updateIds: [...current.updateIds].sort() },
    history: await store.actions.historyOfProgramme(programmeId),
    measureHistory: await store.measures.history(programmeId),
  };
}
