import type { Action } from '../../domain/action.js';
import { defaultGovernance, type ProgrammeGovernance } from '../../domain/deciders.js';
import type { RevisionRequest } from '../../domain/revision.js';
import type { SignOffQuery, WorkstreamSignOff } from '../../domain/sign-off.js';
import type { StepTick } from '../../domain/step-completion.js';
import type { Measure } from '../../domain/measure.js';
import type { MeasureValue } from '../../domain/measure-value.js';
import type { Role } from '../../domain/people.js';
import type { Programme, Workstream } from '../../domain/programme.js';
import type { StatusUpdate } from '../../domain/status-update.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { GovernanceSettingsRepository } from '../../store/governance-settings.repository.js';
import type { MeasureRepository } from '../../store/measure.repository.js';
import type {
  ProgrammeRepository,
  WorkstreamRepository,
} from '../../store/programme.repository.js';
import type { RevisionRepository } from '../../store/revision.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { SignOffRepository } from '../../store/sign-off.repository.js';
import type { StepTickRepository } from '../../store/step-tick.repository.js';

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
  /** Revised dates, steps ticked and sign-offs, as boards read them. */
  readonly governance: GovernanceRecords;
}

/** Everything board governance has on record for a programme. */
export interface GovernanceRecords {
  /** Who decides, and whether leads sign off (the default when never set). */
  readonly settings: ProgrammeGovernance;
  /** Every request for a later date, oldest first. */
  readonly requests: readonly RevisionRequest[];
  readonly ticks: readonly StepTick[];
  /** Every sign-off of every period in the calendar. */
  readonly signOffs: readonly WorkstreamSignOff[];
  /** Every query, oldest first. */
  readonly queries: readonly SignOffQuery[];
}

/**
 * The ports a snapshot is read through: partition scans run side by side (the sign-offs one
 * per period in the calendar).
 */
export interface SnapshotPorts {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly actions: Pick<ActionRepository, 'listByProgramme' | 'historyOfProgramme'>;
  readonly roles: Pick<RoleRepository, 'list'>;
  readonly measures: Pick<MeasureRepository, 'list' | 'history'>;
  readonly revisions: Pick<RevisionRepository, 'listForProgramme'>;
  readonly stepTicks: Pick<StepTickRepository, 'listForProgramme'>;
  readonly signOffs: Pick<SignOffRepository, 'listForPeriod' | 'listQueries'>;
  readonly governance: Pick<GovernanceSettingsRepository, 'get'>;
}

/** Null when there is no such programme. */
export async function loadProgrammeSnapshot(
  ports: SnapshotPorts,
  programmeId: string,
): Promise<ProgrammeSnapshot | null> {
  const programme = await ports.programmes.get(programmeId);
  if (!programme) return null;
  const [workstreams, actions, updates, roles, measures, measureValues, governance] =
    await Promise.all([
      ports.workstreams.list(programme.id),
      ports.actions.listByProgramme(programme.id),
      ports.actions.historyOfProgramme(programme.id),
      ports.roles.list(programme.id),
      ports.measures.list(programme.id),
      ports.measures.history(programme.id),
      loadGovernance(ports, programme),
    ]);
  return {
    programme,
    workstreams,
    actions: actions.map((a) => a.value),
    roles,
    updates,
    measures,
    measureValues,
    governance,
  };
}

/** A programme with nothing on record yet: no request, tick or sign-off, the default rules. */
export function noGovernanceRecords(programmeId: string): GovernanceRecords {
  return {
    settings: defaultGovernance(programmeId),
    requests: [],
    ticks: [],
    signOffs: [],
    queries: [],
  };
}

async function loadGovernance(
  ports: SnapshotPorts,
  programme: Programme,
): Promise<GovernanceRecords> {
  const [settings, requests, ticks, signOffs, queries] = await Promise.all([
    ports.governance.get(programme.id),
    ports.revisions.listForProgramme(programme.id),
    ports.stepTicks.listForProgramme(programme.id),
    Promise.all(programme.periods.map((p) => ports.signOffs.listForPeriod(programme.id, p.id))),
    ports.signOffs.listQueries(programme.id),
  ]);
  return {
    settings: settings ?? defaultGovernance(programme.id),
    requests,
    ticks,
    signOffs: signOffs.flat(),
    queries,
  };
}
