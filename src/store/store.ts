import type { ActionRepository } from './action.repository.js';
import type { AdminRepository } from './admin.repository.js';
import type { ConversationRepository } from './conversation.repository.js';
import type { GovernanceStore } from './governance-store.js';
import type { LeaseRepository } from './lease.repository.js';
import type { LinkRepository } from './link.repository.js';
import type { MeasureRepository } from './measure.repository.js';
import type { OutboxRepository } from './outbox.repository.js';
import type { PendingImportRepository } from './pending-import.repository.js';
import type { PlanRepository } from './plan.repository.js';
import type { ProgrammeRepository, WorkstreamRepository } from './programme.repository.js';
import type { PersonRepository, RoleRepository } from './role.repository.js';
import type { ScheduleMarkRepository } from './schedule-marks.repository.js';
import type { SummaryRepository } from './summary.repository.js';

/**
 * Every port, for the composition root only. Use cases take the few ports they need,
 * never this whole bag.
 */
export interface Store extends GovernanceStore {
  readonly programmes: ProgrammeRepository;
  readonly workstreams: WorkstreamRepository;
  readonly actions: ActionRepository;
  readonly roles: RoleRepository;
  readonly people: PersonRepository;
  readonly conversations: ConversationRepository;
  readonly outbox: OutboxRepository;
  readonly leases: LeaseRepository;
  readonly plans: PlanRepository;
  readonly admins: AdminRepository;
  readonly links: LinkRepository;
  readonly pendingImports: PendingImportRepository;
  readonly measures: MeasureRepository;
  readonly summaries: SummaryRepository;
  /** Whether a programme's schedule inputs changed since the leader last planned it. */
  readonly scheduleMarks: ScheduleMarkRepository;
}
