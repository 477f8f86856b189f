import type { ActionRepository } from '../../store/action.repository.js';
import type {
  ProgrammeRepository,
  WorkstreamRepository,
} from '../../store/programme.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { CurrentPlan } from './plan-diff.js';

/** The read ports an import compares against. */
export interface CurrentPlanPorts {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly actions: Pick<ActionRepository, 'listByProgramme' | 'historyOfProgramme'>;
  readonly roles: Pick<RoleRepository, 'list'>;
}

/** The programme's stored plan, or null when it has never been imported. */
export async function readCurrentPlan(
  ports: CurrentPlanPorts,
  programmeId: string,
): Promise<CurrentPlan | null> {
  const programme = await ports.programmes.get(programmeId);
  if (!programme) return null;
  const [workstreams, actions, roles, history] = await Promise.all([
    ports.workstreams.list(programmeId),
    ports.actions.listByProgramme(programmeId),
    ports.roles.list(programmeId),
    ports.actions.historyOfProgramme(programmeId),
  ]);
  return {
    plan: {
      programme,
      workstreams,
      actions: actions.map((action) => action.value),
      roles,
      ratings: history.filter((update) => update.source === 'import'),
    },
    updateIds: new Set(history.map((update) => update.id)),
  };
}
