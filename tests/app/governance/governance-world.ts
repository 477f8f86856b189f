import { createGovernanceNotices } from '../../../src/app/governance/governance-notices.js';
import { createRevisionUseCase } from '../../../src/app/governance/revision.use-case.js';
import { createSignOffUseCase } from '../../../src/app/governance/sign-off.use-case.js';
import { createStepsUseCase } from '../../../src/app/governance/steps.use-case.js';
import type { Programme } from '../../../src/domain/programme.js';
import { createMemoryGovernanceStore } from '../../../src/store/governance-store.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { seedSamplePlan } from '../seed-sample.js';

/** The sample plan in memory with the governance its Deciders sheet names, and a settable clock. */
export async function governanceWorld(startAt = '2021-03-01T10:00:00Z') {
  const store = createMemoryStore();
  const governanceStore = createMemoryGovernanceStore();
  const programme: Programme = (await seedSamplePlan(store)).programme;
  await governanceStore.governance.save({
    programmeId: programme.id,
    deciders: [
      { role: 'CD', workstreams: 'all' },
      { role: 'ADES', workstreams: ['A'] },
      { role: 'SLSPPEP', workstreams: ['B'] },
      { role: 'SLSESEND', workstreams: ['C'] },
    ],
    chairRole: null,
    signOff: true,
  });
  let now = new Date(startAt);
  const clock = { now: () => new Date(now) };
  let ids = 0;
  const notices = createGovernanceNotices({ outbox: store.outbox, clock });
  const ports = { ...store, ...governanceStore, clock, notices };
  return {
    store,
    governanceStore,
    programme,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    revisions: createRevisionUseCase({ ...ports, newId: () => `req-${++ids}` }),
    steps: createStepsUseCase(ports),
    signOff: createSignOffUseCase(ports),
  };
}

export const person = (email: string) => ({ email, isAdmin: false });
