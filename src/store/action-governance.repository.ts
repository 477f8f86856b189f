import type { RevisionRequest } from '../domain/revision.js';
import type { StepTick } from '../domain/step-completion.js';
import type { RevisionRepository } from './revision.repository.js';
import type { StepTickRepository } from './step-tick.repository.js';

/** What governance has recorded of one action: what its card shows beside its history. */
export interface ActionGovernanceRecord {
  /** Its requests for a revised due date, oldest first. */
  readonly requests: readonly RevisionRequest[];
  /** Its ticked steps, by letter. */
  readonly ticks: readonly StepTick[];
}

export interface ActionGovernanceReader {
  /** One action's requests and ticks, case-insensitive on `ref`: one query. */
  ofAction(programmeId: string, ref: string): Promise<ActionGovernanceRecord>;
}

/** The reader made of the two repositories' own reads: for stores where reads cost nothing. */
export function actionGovernanceOf(
  revisions: Pick<RevisionRepository, 'listForAction'>,
  stepTicks: Pick<StepTickRepository, 'listForAction'>,
): ActionGovernanceReader {
  return {
    async ofAction(programmeId, ref) {
      const [requests, ticks] = await Promise.all([
        revisions.listForAction(programmeId, ref),
        stepTicks.listForAction(programmeId, ref),
      ]);
      return { requests, ticks };
    },
  };
}
