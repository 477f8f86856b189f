import { randomUUID } from 'node:crypto';
import { createGovernanceUseCase } from '../app/admin/governance.use-case.js';
import type { AdminDirectory } from '../app/admin/admin-directory.js';
import type { Clock } from '../app/clock.js';
import { createGovernanceNotices } from '../app/governance/governance-notices.js';
import { createRevisionUseCase } from '../app/governance/revision.use-case.js';
import { createSignOffUseCase } from '../app/governance/sign-off.use-case.js';
import { createStepsUseCase } from '../app/governance/steps.use-case.js';
import { createPeopleNamesReader } from '../app/people-names.js';
import type { Store } from '../store/store.js';

/** The governance use cases, each built once with the ports it needs. */
export function composeGovernance(store: Store, clock: Clock) {
  const { actions, workstreams, roles, outbox } = store;
  const notices = createGovernanceNotices({ outbox, clock });
  return {
    names: createPeopleNamesReader({ roles, people: store.people, clock }),
    revisions: createRevisionUseCase({
      actions,
      workstreams,
      roles,
      revisions: store.revisions,
      governance: store.governance,
      clock,
      newId: randomUUID,
      notices,
    }),
    steps: createStepsUseCase({ actions, roles, stepTicks: store.stepTicks, clock }),
    signOff: createSignOffUseCase({
      actions,
      workstreams,
      roles,
      signOffs: store.signOffs,
      governance: store.governance,
      clock,
      notices,
    }),
  };
}

/** `/governance` for admins: who decides revised dates, and whether leads sign off. */
export function composeGovernanceAdmin(store: Store, directory: AdminDirectory) {
  const { programmes, workstreams, roles } = store;
  return createGovernanceUseCase({
    directory,
    programmes,
    workstreams,
    roles,
    governance: store.governance,
  });
}
