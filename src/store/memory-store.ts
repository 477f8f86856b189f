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
import type { ScheduleMarkRepository } from './schedule-marks.repository.js';
import { withScheduleTouches } from './schedule-touches.js';
import { createMemoryScheduleMarks } from './memory-schedule-marks.js';
import type { Store } from './store.js';

/**
 * Every port held in memory: the fake that unit tests and app tests use. It keeps the same
 * promises as the Azure Tables store (the contract suite runs against both).
 */
export function createMemoryStore(): Store {
  const state = createMemoryState();
  const scheduleMarks = createMemoryScheduleMarks();
  const store: Store = {
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
    scheduleMarks,
  };
  return withScheduleTouches(touchingOwnWrites(store, scheduleMarks), scheduleMarks);
}

/**
 * The writes the Tables store marks through rows it writes anyway (the programme row, the
 * summary copies) touch the memory store's counters instead.
 */
function touchingOwnWrites(store: Store, marks: ScheduleMarkRepository): Store {
  const { programmes, plans, actions } = store;
  return {
    ...store,
    programmes: {
      get: (id) => programmes.get(id),
      list: () => programmes.list(),
      save: async (programme) => {
        await programmes.save(programme);
        await marks.touch(programme.id);
      },
    },
    plans: {
      replace: async (plan, progress) => {
        await plans.replace(plan, progress);
        await marks.touch(plan.programme.id);
      },
    },
    actions: {
      ...actions,
      recordUpdate: async (update, etag) => {
        const result = await actions.recordUpdate(update, etag);
        if (result.ok) await marks.touch(update.programmeId);
        return result;
      },
      keepAgreedDue: async (programmeId, ref, agreed) => {
        const kept = await actions.keepAgreedDue(programmeId, ref, agreed);
        if (kept) await marks.touch(programmeId);
        return kept;
      },
    },
  };
}
