import type { Action } from '../../domain/action.js';
import { decisionRecords, type DecisionRecord } from '../../domain/governance-digest.js';
import type { IsoDate } from '../../domain/local-date.js';
import { revisionSummary, type RevisionSummary } from '../../domain/revision.js';
import type { SignOffVerdict, WorkstreamSignOff } from '../../domain/sign-off.js';
import { stepProgress, type StepProgress } from '../../domain/step-completion.js';
import type { ProgrammeSnapshot } from '../digest/programme-snapshot.js';

/** An action's governance as the board pack shows it beside the ratings. */
export interface ActionGovernance {
  /** The original, current date and every revision (the action's and its steps'). */
  readonly revisions: RevisionSummary;
  readonly steps: StepProgress;
  /** Its workstream's latest sign-off and what the lead said of this action; null for none. */
  readonly signOff: {
    readonly by: string;
    readonly at: string;
    readonly periodId: string;
    readonly verdict: SignOffVerdict | null;
  } | null;
}

export interface PackGovernance {
  /** By upper-case ref. */
  readonly actions: ReadonlyMap<string, ActionGovernance>;
  /** Every decision on record, oldest first. */
  readonly decisions: readonly DecisionRecord[];
}

/** The governance of every action, as at `today` (a local date, for late steps). */
export function packGovernanceOf(snapshot: ProgrammeSnapshot, today: IsoDate): PackGovernance {
  const { requests, ticks, signOffs, queries } = snapshot.governance;
  const latest = latestSignOffs(snapshot, signOffs);
  const actions = new Map(
    snapshot.actions.map((action): [string, ActionGovernance] => [
      action.ref.toUpperCase(),
      {
        revisions: revisionSummary(action, requests),
        steps: stepProgress(action, ticks, today),
        signOff: signOffOf(action, latest),
      },
    ]),
  );
  return { actions, decisions: decisionRecords(requests, signOffs, queries, snapshot.actions) };
}

/** Per workstream (upper case), its sign-off of the latest period that has one. */
function latestSignOffs(
  snapshot: ProgrammeSnapshot,
  signOffs: readonly WorkstreamSignOff[],
): Map<string, WorkstreamSignOff> {
  const order = new Map(snapshot.programme.periods.map((p, i) => [p.id, i]));
  const latest = new Map<string, WorkstreamSignOff>();
  for (const signOff of signOffs) {
    const code = signOff.workstream.toUpperCase();
    const known = latest.get(code);
    const rank = order.get(signOff.periodId) ?? -1;
    if (!known || rank > (order.get(known.periodId) ?? -1)) latest.set(code, signOff);
  }
  return latest;
}

function signOffOf(
  action: Pick<Action, 'ref' | 'workstream'>,
  latest: ReadonlyMap<string, WorkstreamSignOff>,
): ActionGovernance['signOff'] {
  const signOff = latest.get(action.workstream.toUpperCase());
  if (!signOff) return null;
  const item = signOff.items.find((i) => i.ref.toUpperCase() === action.ref.toUpperCase());
  return {
    by: signOff.by,
    at: signOff.at,
    periodId: signOff.periodId,
    verdict: item?.verdict ?? null,
  };
}
