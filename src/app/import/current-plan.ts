import { loadProgrammeSnapshot, type SnapshotPorts } from '../digest/programme-snapshot.js';
import type { CurrentPlan } from './plan-diff.js';

/** The read ports an import compares against: the same as a digest's, measures included. */
export type CurrentPlanPorts = SnapshotPorts;

/** The programme's stored plan, or null when it has never been imported. */
export async function readCurrentPlan(
  ports: CurrentPlanPorts,
  programmeId: string,
): Promise<CurrentPlan | null> {
  const snapshot = await loadProgrammeSnapshot(ports, programmeId);
  if (!snapshot) return null;
  const { programme, workstreams, actions, roles, updates, measures } = snapshot;
  const values = snapshot.measureValues;
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
    requests: snapshot.governance.requests,
  };
}
