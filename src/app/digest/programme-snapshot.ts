import type { Action } from '../../domain/action.js';
import type { Measure } from '../../domain/measure.js';
import type { MeasureValue } from '../../domain/measure-value.js';
import type { Role } from '../../domain/people.js';
import type { Programme, Workstream } from '../../domain/programme.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { MeasureRepository } from '../../store/measure.repository.js';
import type {
  ProgrammeRepository,
  WorkstreamRepository,
} from '../../store/programme.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';

/** A whole programme as digests, the report and the board pack read it. */
export interface ProgrammeSnapshot {
  readonly programme: Programme;
  readonly workstreams: readonly Workstream[];
  readonly actions: readonly Action[];
  readonly roles: readonly Role[];
  /** Every update, newest first. */
  readonly updates: readonly StatusUpdate[];
  /** The plan's outcome measures, in the plan's order; none when it has no Measures sheet. */
  readonly measures: readonly Measure[];
  /** Every measure value, newest first. */
  readonly measureValues: readonly MeasureValue[];
}

/** The ports a snapshot is read through: six partition scans, run side by side. */
export interface SnapshotPorts {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly actions: Pick<ActionRepository, 'listByProgramme' | 'historyOfProgramme'>;
  readonly roles: Pick<RoleRepository, 'list'>;
  readonly measures: Pick<MeasureRepository, 'list' | 'history'>;
}

/** Null when there is no such programme. */
export async function loadProgrammeSnapshot(
  ports: SnapshotPorts,
  programmeId: string,
): Promise<ProgrammeSnapshot | null> {
  const programme = await ports.programmes.get(programmeId);
  if (!programme) return null;
  const [workstreams, actions, updates, roles, measures, measureValues] = await Promise.all([
    ports.workstreams.list(programme.id),
    ports.actions.listByProgramme(programme.id),
    ports.actions.historyOfProgramme(programme.id),
    ports.roles.list(programme.id),
    ports.measures.list(programme.id),
    ports.measures.history(programme.id),
  ]);
  return {
    programme,
    workstreams,
    actions: actions.map((a) => a.value),
    roles,
    updates,
    measures,
    measureValues,
  };
}
