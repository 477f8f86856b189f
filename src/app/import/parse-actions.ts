import type { Action, Step } from '../../domain/action.js';
import type { BoundRow, BoundSheet } from './bound-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import type { RoleIndex } from './parse-roles.js';
import type { WorkstreamIndex } from './parse-workstreams.js';
import type { ActionColumn } from './sheet-specs.js';
import type { DateReader } from './read-date.js';
import { checkLength } from './text-limits.js';

type ActionRow = BoundRow<ActionColumn>;

/** "a", "a)", "(a)", "A." and "ii" all name a step; kept lower case. */
const STEP_LETTER = /^\(?([a-z]{1,3}|\d{1,2})\)?\.?$/i;

interface Context {
  readonly programmeId: string;
  readonly workstreams: WorkstreamIndex | null;
  readonly roles: RoleIndex | null;
  readonly problems: ImportProblem[];
  readonly dates: DateReader;
}

/**
 * Actions in sheet order, each with its steps in sheet order. A step row may come before its
 * action row; a step whose reference has no action row at all is a problem.
 */
export function parseActions(
  sheet: BoundSheet<ActionColumn>,
  context: Context,
): { readonly actions: Action[]; readonly refs: ReadonlySet<string> } {
  const { problems } = context;
  const actionRows = new Map<string, ActionRow>();
  const stepRows: { readonly row: ActionRow; readonly letter: string }[] = [];
  for (const row of sheet.rows) {
    const ref = row.get('ref');
    if (ref === '') {
      problems.push(problemAt(row.place('ref'), 'MISSING_VALUE'));
      continue;
    }
    const stepText = row.get('step');
    if (stepText === '') {
      const earlier = actionRows.get(ref.toUpperCase());
      if (earlier) {
        const details = { firstRow: earlier.number };
        problems.push(problemAt(row.place('ref'), 'DUPLICATE_REFERENCE', ref, details));
      } else {
        actionRows.set(ref.toUpperCase(), row);
      }
      continue;
    }
    const letter = STEP_LETTER.exec(stepText)?.[1]?.toLowerCase();
    if (letter === undefined) {
      problems.push(problemAt(row.place('step'), 'BAD_STEP_LETTER', stepText));
    } else {
      stepRows.push({ row, letter });
    }
  }

  const steps = new Map<string, Step[]>();
  const stepFirstRow = new Map<string, number>();
  for (const { row, letter } of stepRows) {
    const refKey = row.get('ref').toUpperCase();
    const action = actionRows.get(refKey);
    if (!action) {
      problems.push(problemAt(row.place('ref'), 'STEP_WITHOUT_ACTION', row.get('ref')));
      continue;
    }
    const stepKey = `${refKey}|${letter}`;
    const earlier = stepFirstRow.get(stepKey);
    if (earlier !== undefined) {
      const details = { firstRow: earlier };
      problems.push(problemAt(row.place('step'), 'DUPLICATE_STEP', row.get('step'), details));
      continue;
    }
    stepFirstRow.set(stepKey, row.number);
    const workstream = row.get('workstream');
    if (workstream !== '' && workstream.toUpperCase() !== action.get('workstream').toUpperCase()) {
      const details = { ref: action.get('ref'), actionWorkstream: action.get('workstream') };
      problems.push(
        problemAt(row.place('workstream'), 'STEP_IN_OTHER_WORKSTREAM', workstream, details),
      );
    }
    steps.set(refKey, [...(steps.get(refKey) ?? []), readStep(row, letter, context)]);
  }

  const actions = [...actionRows].map(([refKey, row]) =>
    readAction(row, steps.get(refKey) ?? [], context),
  );
  return { actions, refs: new Set(actionRows.keys()) };
}

function readAction(row: ActionRow, steps: readonly Step[], context: Context): Action {
  const { problems } = context;
  const workstreamText = row.get('workstream');
  const workstream = context.workstreams?.get(workstreamText.toUpperCase());
  if (workstreamText === '') {
    problems.push(problemAt(row.place('workstream'), 'MISSING_VALUE'));
  } else if (context.workstreams && !workstream) {
    problems.push(problemAt(row.place('workstream'), 'UNKNOWN_WORKSTREAM', workstreamText));
  }
  const ownerText = row.get('owner');
  if (ownerText === '') problems.push(problemAt(row.place('owner'), 'MISSING_VALUE'));
  const ownerRole = readOwner(row, context) ?? ownerText;
  return {
    programmeId: context.programmeId,
    workstream: workstream?.code ?? workstreamText,
    ref: row.get('ref'),
    title: readTitle(row, problems),
    ownerRole,
    contributors: row
      .get('contributors')
      .split(/[;\n]/)
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    due: context.dates.dueDate(row.get('due'), row.place('due')),
    revisedDue: context.dates.dueDate(row.get('revisedDue'), row.place('revisedDue')),
    proposedDue: null,
    outcomes: row.get('outcomes'),
    // A step owned by its action's owner says so with null, as Step documents.
    steps: steps.map((step) =>
      step.ownerRole?.toUpperCase() === ownerRole.toUpperCase()
        ? { ...step, ownerRole: null }
        : step,
    ),
    current: null,
  };
}

function readStep(row: ActionRow, letter: string, context: Context): Step {
  const { problems } = context;
  return {
    letter,
    title: readTitle(row, problems),
    ownerRole: readOwner(row, context),
    due: context.dates.dueDate(row.get('due'), row.place('due')),
    revisedDue: context.dates.dueDate(row.get('revisedDue'), row.place('revisedDue')),
  };
}

function readTitle(row: ActionRow, problems: ImportProblem[]): string {
  const title = row.get('title');
  if (title === '') problems.push(problemAt(row.place('title'), 'MISSING_VALUE'));
  checkLength(title, row.place('title'), problems);
  return title;
}

/** The owner's role as the Roles sheet spells it; null when blank (a step then follows its action). */
function readOwner(row: ActionRow, context: Context): string | null {
  const owner = row.get('owner');
  if (owner === '') return null;
  const role = context.roles?.get(owner.toUpperCase());
  if (context.roles && !role) {
    context.problems.push(problemAt(row.place('owner'), 'UNKNOWN_ROLE', owner));
  }
  return role?.code ?? owner;
}
