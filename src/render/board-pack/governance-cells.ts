import type { ActionGovernance } from '../../app/export/pack-governance.js';

/** "3 of 9 done; late: h), i)", or "" for an action without steps. */
export function stepsDoneCell(governance: ActionGovernance | undefined): string {
  const steps = governance?.steps;
  if (!steps || steps.total === 0) return '';
  const late = steps.late.map((s) => `${s.step.letter})`).join(', ');
  return `${steps.done} of ${steps.total} done${late === '' ? '' : `; late: ${late}`}`;
}

/** "ades@council.example, Jan 2021 (queried)", or "" when its workstream was never signed off. */
export function signedOffCell(governance: ActionGovernance | undefined): string {
  const signOff = governance?.signOff;
  if (!signOff) return '';
  const queried = signOff.verdict === 'query' ? ' (queried)' : '';
  return `${signOff.by}, ${signOff.periodId}${queried}`;
}

/** The action's own revisions and its steps' together: what a board revised for it. */
export function timesRevisedCell(governance: ActionGovernance | undefined): number {
  const revisions = governance?.revisions;
  return revisions ? revisions.timesRevised + revisions.stepRevisions.length : 0;
}
