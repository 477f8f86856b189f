import type { Action } from '../domain/action.js';
import type { DeciderRule } from '../domain/deciders.js';
import type { Measure } from '../domain/measure.js';
import type { MeasureValue } from '../domain/measure-value.js';
import type { Role } from '../domain/people.js';
import type { Programme, Workstream } from '../domain/programme.js';
import type { StatusUpdate } from '../domain/status-update.js';

/** A whole programme as the plan workbook describes it. */
export interface Plan {
  readonly programme: Programme;
  readonly workstreams: readonly Workstream[];
  /** `current` is ignored on write: status comes from history. */
  readonly actions: readonly Action[];
  readonly roles: readonly Role[];
  /** Past ratings from the Ratings sheet; ids are stable so a re-import adds nothing. */
  readonly ratings: readonly StatusUpdate[];
  /** Who decides revised dates, when the workbook has a Deciders sheet; else the default. */
  readonly deciders?: readonly DeciderRule[];
  /** Outcome measures (the optional Measures sheet); a plan without any has none. */
  readonly measures?: readonly Measure[];
  /** Past measure values (Measure values sheet); ids are stable so a re-import adds nothing. */
  readonly measureValues?: readonly MeasureValue[];
}

/** Rows of the new plan written so far, of how many; told after each batch is stored. */
export type PlanWriteProgress = (written: number, total: number) => void;

export interface PlanRepository {
  /**
   * Replaces a programme's plan as one step: the new version is written aside, then the
   * programme is switched to it, so a crash part-way leaves the previous plan whole.
   * Status history is never lost: updates whose ids already exist are left as they are.
   * `progress` hears how far the writing has gone, for a person watching a long import.
   */
  replace(plan: Plan, progress?: PlanWriteProgress): Promise<void>;
}
