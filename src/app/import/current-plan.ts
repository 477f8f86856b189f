import type { MeasureRepository } from '../../store/measure.repository.js';
import { loadProgrammeSnapshot, type SnapshotPorts } from '../digest/programme-snapshot.js';
import type { CurrentPlan } from './plan-diff.js';

/** The read ports an import compares against: a digest's, and the measures. */
export type CurrentPlanPorts = SnapshotPorts & {
  /**
   * Without it the stored measures are taken to be none, so a workbook with measures always
   * previews them as new (an import through a caller that does not pass it yet).
   */
  readonly measures?: Pick<MeasureRepository, 'list' | 'history'>;
};

/** The programme's stored plan, or null when it has never been imported. */
export async function readCurrentPlan(
  ports: CurrentPlanPorts,
  programmeId: string,
): Promise<CurrentPlan | null> {
  const snapshot = await loadProgrammeSnapshot(ports, programmeId);
  if (!snapshot) return null;
  const { programme, workstreams, actions, roles, updates } = snapshot;
  const [measures, values] = await Promise.all([
    ports.measures?.list(programme.id) ?? [],
    ports.measures?.history(programme.id) ?? [],
  ]);
  return {
    plan: {
      programme,
      workstreams,
      actions,
      roles,
      ratings: updates.filter((update) => update.source === 'import'),
      measures,
      measureValues: values.filter((value) => value.source === 'import'),
    },
    updateIds: new Set(updates.map((update) => update.id)),
    measureValueIds: new Set(values.map((value) => value.id)),
  };
}
