import type { DueDate, IsoDate } from './local-date.js';
import type { Rating } from './rating.js';

/** A lettered step (a, b, c) of an action, with its own date and sometimes its own owner. */
export interface Step {
  readonly letter: string;
  readonly title: string;
  /** Role code; null means the action's owner. */
  readonly ownerRole: string | null;
  readonly due: DueDate | null;
  /** A date agreed by the board later; the original stays on record in `due`. */
  readonly revisedDue: DueDate | null;
}

/** The latest update of an action, carried on the action so status reads are one query. */
export interface CurrentStatus {
  readonly updateId: string;
  readonly periodId: string;
  readonly rating: Rating;
  readonly note: string;
  /** UTC ISO instant. */
  readonly at: string;
  readonly by: string;
}

export interface Action {
  readonly programmeId: string;
  readonly workstream: string;
  /** Reference as the plan writes it (A1, EHC5, JC17). */
  readonly ref: string;
  readonly title: string;
  /** Role code of the owner (ADES). */
  readonly ownerRole: string;
  readonly contributors: readonly string[];
  readonly due: DueDate | null;
  readonly revisedDue: DueDate | null;
  /** A later date an owner asked for, waiting for a chair to approve it. */
  readonly proposedDue: IsoDate | null;
  /**
   * The date a decider approved, kept with the action's status while the plan's dates it was
   * agreed against still stand (see `AgreedDue`); it outranks `revisedDue`, which stays the
   * plan's. Absent when there is none, or where a reader does not carry it.
   */
  readonly agreedDue?: IsoDate | null;
  readonly outcomes: string;
  readonly steps: readonly Step[];
  /** Null until the first update. */
  readonly current: CurrentStatus | null;
}

/** The action with this approved date, or without the field when there is none. */
export function withAgreedDue(action: Action, agreedDue: IsoDate | null | undefined): Action {
  const copy: { -readonly [K in keyof Action]: Action[K] } = { ...action };
  delete copy.agreedDue;
  return agreedDue ? { ...copy, agreedDue } : copy;
}

/**
 * The date that counts now: a date a decider approved, else the plan's revised date, else the
 * original.
 */
export function effectiveDue(item: {
  readonly due: DueDate | null;
  readonly revisedDue: DueDate | null;
  readonly agreedDue?: IsoDate | null;
}): DueDate | null {
  return item.agreedDue ?? item.revisedDue ?? item.due;
}
