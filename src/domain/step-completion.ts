import { effectiveDue, type Action, type Step } from './action.js';
import { dueDay, type IsoDate } from './local-date.js';
import type { ReportingPeriod } from './programme.js';

/**
 * Steps ticked off. Boards read progress step by step ("a) to d) completed; e) ongoing"), so
 * an owner (or the step's own owner) ticks each one done, and the date is recorded.
 */
export interface StepTick {
  readonly programmeId: string;
  readonly ref: string;
  /** The step's letter as the plan writes it (lower case). */
  readonly letter: string;
  /** The local date the step was done. */
  readonly doneOn: IsoDate;
  /** Email of who ticked it. */
  readonly by: string;
  /** UTC ISO instant of the tick. */
  readonly at: string;
  /** The reporting period open when it was ticked: it may be unticked until that one closes. */
  readonly periodId: string;
}

function sameStep(tick: Pick<StepTick, 'ref' | 'letter'>, ref: string, letter: string): boolean {
  return tick.ref.toUpperCase() === ref.toUpperCase() && tick.letter === letter.toLowerCase();
}

/** Who may tick a step: the action's owner, or the step's own owner when it has one. */
export function mayTickStep(
  action: Pick<Action, 'ownerRole'>,
  step: Pick<Step, 'ownerRole'>,
  heldRoles: readonly string[],
): boolean {
  const held = new Set(heldRoles.map((role) => role.toUpperCase()));
  return (
    held.has(action.ownerRole.toUpperCase()) ||
    (step.ownerRole !== null && held.has(step.ownerRole.toUpperCase()))
  );
}

/**
 * A tick may be taken back until the period it was made in closes (its closing day
 * included): after that the board has read it. A tick from a period the calendar no longer
 * knows is kept as it is.
 */
export function mayUntick(
  tick: Pick<StepTick, 'periodId'>,
  periods: readonly ReportingPeriod[],
  today: IsoDate,
): boolean {
  const period = periods.find((p) => p.id === tick.periodId);
  return period !== undefined && today <= period.closes;
}

/** A step as readers see it: its tick, if any. */
export interface StepStatus {
  readonly step: Step;
  readonly done: StepTick | null;
  /** Past its (revised) date and not done. */
  readonly late: boolean;
}

export interface StepProgress {
  readonly steps: readonly StepStatus[];
  readonly done: number;
  readonly total: number;
  readonly late: readonly StepStatus[];
}

/** Each step with its tick and whether it is late, as of `today` (a local date). */
export function stepProgress(
  action: Pick<Action, 'ref' | 'steps'>,
  ticks: readonly StepTick[],
  today: IsoDate,
): StepProgress {
  const steps = action.steps.map((step): StepStatus => {
    const done = ticks.find((t) => sameStep(t, action.ref, step.letter)) ?? null;
    const due = dueDay(effectiveDue(step));
    return { step, done, late: done === null && due !== undefined && due < today };
  });
  return {
    steps,
    done: steps.filter((s) => s.done !== null).length,
    total: steps.length,
    late: steps.filter((s) => s.late),
  };
}

/** "3 of 5 steps done", or null when the action has no steps. */
export function stepsDoneText(progress: Pick<StepProgress, 'done' | 'total'>): string | null {
  if (progress.total === 0) return null;
  return `${progress.done} of ${progress.total} ${progress.total === 1 ? 'step' : 'steps'} done`;
}

/** "late: c), e)" — the letters of the late steps, or null when none is late. */
export function lateStepsText(progress: Pick<StepProgress, 'late'>): string | null {
  return lateLettersText(progress.late.map((s) => s.step.letter));
}

/** "late: c), e)" from the letters alone, for a page that has no more than them. */
export function lateLettersText(letters: readonly string[]): string | null {
  if (letters.length === 0) return null;
  return `late: ${letters.map((letter) => `${letter})`).join(', ')}`;
}

/** The letters of the done steps of one action, for the false-green rule. */
export function doneLetters(ref: string, ticks: readonly StepTick[]): ReadonlySet<string> {
  return new Set(
    ticks.filter((t) => t.ref.toUpperCase() === ref.toUpperCase()).map((t) => t.letter),
  );
}
