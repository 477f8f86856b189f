import { createMemoryActionRepository } from './memory-action.repository.js';
import { createMemoryGovernanceStore } from './governance-store.js';
import { createMemoryAdminRepository } from './memory-admin.repository.js';
import { createMemoryConversationRepository } from './memory-conversation.repository.js';
import { createMemoryLeaseRepository } from './memory-lease.repository.js';
import { createMemoryLinkRepository } from './memory-link.repository.js';
import { createMemoryMeasureRepository } from './memory-measure.repository.js';
import { createMemoryOutboxRepository } from './memory-outbox.repository.js';
import { createMemoryPendingImportRepository } from './memory-pending-import.repository.js';
import { createMemoryPersonRepository } from './memory-person.repository.js';
import { createMemoryPlanRepository } from './memory-plan.repository.js';
import {
  createMemoryProgrammeRepository,
  createMemoryWorkstreamRepository,
} from './memory-programme.repository.js';
import { createMemoryRoleRepository } from './memory-role.repository.js';
import { createMemoryState } from './memory-state.js';
import { createMemorySummaryRepository } from './memory-summary.repository.js';
import type { Store } from './store.js';

/**
 * Every port held in memory: the fake that unit tests and app tests use. It keeps the same
 * promises as the Azure Tables store (the contract suite runs against both).
 */
export function createMemoryStore(): Store {
  const state = createMemoryState();
  return {
    programmes: createMemoryProgrammeRepository(state),
    workstreams: createMemoryWorkstreamRepository(state),
    actions: createMemoryActionRepository(state),
    roles: createMemoryRoleRepository(state),
    people: createMemoryPersonRepository(state),
    conversations: createMemoryConversationRepository(state),
    outbox: createMemoryOutboxRepository(state),
    leases: createMemoryLeaseRepository(state),
    plans: createMemoryPlanRepository(state),
    admins: createMemoryAdminRepository(),
    links: createMemoryLinkRepository(),
    pendingImports: createMemoryPendingImportRepository(),
    summaries: createMemorySummaryRepository(state),
    ...createMemoryGovernanceStore(),
    measures: createMemoryMeasureRepository(state),
  };
}
