import type { StepTick } from '../domain/step-completion.js';

/** Which steps are ticked done. One row per ticked step; an untick removes it. */
export interface StepTickRepository {
  /** Ticks a step done, or replaces the tick already there (its date and who made it). */
  tick(tick: StepTick): Promise<void>;
  /** Returns whether the step was ticked. */
  untick(programmeId: string, ref: string, letter: string): Promise<boolean>;
  /** One action's ticks, by letter. */
  listForAction(programmeId: string, ref: string): Promise<StepTick[]>;
  /** Every tick of a programme, by ref then letter. One partition query. */
  listForProgramme(programmeId: string): Promise<StepTick[]>;
}
