import type { Action } from '../domain/action.js';
import type { Programme } from '../domain/programme.js';
import type { AgreedDue } from '../domain/agreed-due.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { Versioned } from './versioned.js';

export type RecordUpdateResult =
  | { readonly ok: true; readonly action: Versioned<Action> }
  /** Someone else updated the action since `expectedEtag` was read; nothing was written. */
  | { readonly ok: false; readonly code: 'STALE_UPDATE'; readonly current: Versioned<Action> }
  | { readonly ok: false; readonly code: 'ACTION_NOT_FOUND' };

/** An action as readers see it, with its updates, newest first. */
export interface ActionWithHistory {
  readonly action: Versioned<Action>;
  readonly history: readonly StatusUpdate[];
}

/**
 * An action as read, with where the store found it: `aim` is opaque, for a later read of the
 * same action to pass back (the update form carries it to its Save) so that read can go
 * straight to it. A store checks an aim before trusting it and reads as usual when it is
 * out of date; a store that needs none leaves it out.
 */
export interface FoundAction extends Versioned<Action> {
  readonly aim?: string;
  /**
   * The programme's settings, as current as a read of the programme beside this one, when
   * the store has them at hand (a Save then needs no read of its own); a store that does not
   * leaves them out.
   */
  readonly programme?: Programme;
}

export interface ActionRepository {
  /** Every action of one workstream, ordered by reference. One partition query. */
  listByWorkstream(programmeId: string, workstream: string): Promise<Versioned<Action>[]>;
  /** Every action of a programme (digests, exports, schedules), ordered by workstream, ref. */
  listByProgramme(programmeId: string): Promise<Versioned<Action>[]>;
  /**
   * Every action's reference, as the plan spells it, ordered by reference: "did you mean"
   * reads these, not every action. One partition query.
   */
  listRefs(programmeId: string): Promise<string[]>;
  /** Actions owned by any of these roles (`/mine`). */
  listByOwnerRoles(programmeId: string, roles: readonly string[]): Promise<Versioned<Action>[]>;
  /** Case-insensitive on `ref`; `aim` is one an earlier read of this action gave. */
  get(programmeId: string, ref: string, aim?: string): Promise<FoundAction | null>;
  /**
   * The action and its updates together (`/status C2`): one query of its workstream's
   * partition. Case-insensitive on `ref`; null when the plan has no such action.
   */
  withHistory(programmeId: string, ref: string): Promise<ActionWithHistory | null>;
  /** An action's updates, newest first. One partition query. */
  history(programmeId: string, ref: string): Promise<StatusUpdate[]>;
  /** Every update of a programme, newest first (digests, exports). */
  historyOfProgramme(programmeId: string): Promise<StatusUpdate[]>;
  /**
   * Appends `update` to the history and makes it the action's current status, in one
   * transaction, only if the action is still at `expectedEtag`.
   */
  recordUpdate(update: StatusUpdate, expectedEtag: string): Promise<RecordUpdateResult>;
  /**
   * Keeps an approved date on the action's record, with the workstream's summary, so every
   * read of the action counts it while the plan keeps the dates it was agreed against. An
   * approval decided before the one kept changes nothing; the same one again is harmless.
   * Leaves the action's ETag as it was: a card drawn before is not stale for it. False when
   * the plan has no such action.
   */
  keepAgreedDue(programmeId: string, ref: string, agreed: AgreedDue): Promise<boolean>;
}
