import { withAgreedDue, type Action, type CurrentStatus } from '../domain/action.js';
import type { IsoDate } from '../domain/local-date.js';
import type { Measure } from '../domain/measure.js';
import type { MeasureValue } from '../domain/measure-value.js';
import type { Person, Role } from '../domain/people.js';
import type { Programme, Workstream } from '../domain/programme.js';
import { agreedDueFor, type AgreedDue } from '../domain/agreed-due.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { StoredConversation } from './conversation.repository.js';
import { codeKey, compareRefs, historyOrderKey, joinKey } from './keys.js';
import type { OutboxMessage } from './outbox.repository.js';
import type { Versioned } from './versioned.js';

/** The ETag of an action nobody has rated yet: the first update must expect it. */
export const UNRATED_ETAG = 'unrated';

/** The part of a plan that is replaced as a whole. */
export interface MemoryPlan {
  readonly workstreams: readonly Workstream[];
  /** By `codeKey(ref)`. */
  readonly actions: ReadonlyMap<string, Action>;
}

/** Status lives outside the plan, so replacing the plan never loses it. */
export interface MemoryStatus {
  readonly current: CurrentStatus;
  readonly proposedDue: IsoDate | null;
  readonly etag: string;
}

/**
 * Everything the in-memory store holds, shared by its repositories. Values are copied in
 * and out (`structuredClone`) so callers can no more change stored data than they could in
 * Azure.
 */
export interface MemoryState {
  readonly programmes: Map<string, Programme>;
  readonly plans: Map<string, MemoryPlan>;
  /** By `programmeKey|refKey`. */
  readonly statuses: Map<string, MemoryStatus>;
  /** By `programmeKey|refKey`, each list newest first. */
  readonly history: Map<string, StatusUpdate[]>;
  /** By `programmeKey|refKey`: the latest approved date (kept apart from the ETag'd status). */
  readonly agreed: Map<string, AgreedDue>;
  /** By programme key, then role key. */
  readonly roles: Map<string, Map<string, Role>>;
  readonly people: Map<string, Person>;
  /** By key: group chats, channels, and personal chats with someone not known by email. */
  readonly conversations: Map<string, StoredConversation>;
  /** Personal chats with someone known, by their email (normalised). */
  readonly personalChats: Map<string, StoredConversation>;
  readonly outbox: Map<string, Versioned<OutboxMessage>>;
  readonly leases: Map<string, { readonly owner: string; readonly expiresAt: number }>;
  /** By programme key: the active plan's measures, in plan order. */
  readonly measures: Map<string, readonly Measure[]>;
  /** By programme key: every value recorded, in the order recorded. */
  readonly measureValues: Map<string, MeasureValue[]>;
  nextEtag(): string;
}

export function createMemoryState(): MemoryState {
  let etags = 0;
  return {
    programmes: new Map(),
    plans: new Map(),
    statuses: new Map(),
    history: new Map(),
    agreed: new Map(),
    roles: new Map(),
    people: new Map(),
    conversations: new Map(),
    personalChats: new Map(),
    outbox: new Map(),
    leases: new Map(),
    measures: new Map(),
    measureValues: new Map(),
    nextEtag: () => `m${++etags}`,
  };
}

export function statusKey(programmeId: string, ref: string): string {
  return joinKey(codeKey(programmeId), codeKey(ref));
}

/** The action as readers see it: the plan's definition with its current status. */
export function readAction(state: MemoryState, definition: Action): Versioned<Action> {
  const key = statusKey(definition.programmeId, definition.ref);
  const status = state.statuses.get(key);
  const value = withAgreedDue(
    {
      ...definition,
      current: status?.current ?? null,
      proposedDue: status?.proposedDue ?? definition.proposedDue,
    },
    agreedDueFor(definition, state.agreed.get(key) ?? null),
  );
  return { value: structuredClone(value), etag: status?.etag ?? UNRATED_ETAG };
}

/** Adds updates whose ids are new, keeping the list newest first. */
export function appendHistory(
  state: MemoryState,
  key: string,
  updates: readonly StatusUpdate[],
): void {
  const list = state.history.get(key) ?? [];
  const known = new Set(list.map((update) => update.id));
  for (const update of updates) {
    if (!known.has(update.id)) list.push(structuredClone(update));
    known.add(update.id);
  }
  list.sort(byNewest);
  state.history.set(key, list);
}

export function byNewest(a: StatusUpdate, b: StatusUpdate): number {
  const left = historyOrderKey(a);
  const right = historyOrderKey(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function byWorkstreamThenRef(a: Versioned<Action>, b: Versioned<Action>): number {
  return (
    compareRefs(a.value.workstream, b.value.workstream) || compareRefs(a.value.ref, b.value.ref)
  );
}

export function toCurrent(update: StatusUpdate): CurrentStatus {
  return {
    updateId: update.id,
    periodId: update.periodId,
    rating: update.rating,
    note: update.note,
    at: update.at,
    by: update.by,
  };
}
