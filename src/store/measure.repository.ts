import type { Measure } from '../domain/measure.js';
import type { MeasureValue } from '../domain/measure-value.js';

/**
 * Outcome measures. Definitions come with the plan (written by `PlanRepository.replace`, in
 * the same switch as the actions); values are append-only history, as ratings are.
 */
export interface MeasureRepository {
  /** The active plan's measures, in the order the plan lists them. */
  list(programmeId: string): Promise<Measure[]>;
  /** Every value recorded in the programme, newest first. One partition. */
  history(programmeId: string): Promise<MeasureValue[]>;
  /** One measure's values, newest first. */
  historyOf(programmeId: string, code: string): Promise<MeasureValue[]>;
  /**
   * Appends a value. A value whose id is already recorded is left as it was, so a repeated
   * submission or a re-import adds nothing; a correction is a new value with a new id.
   */
  record(value: MeasureValue): Promise<void>;
}
