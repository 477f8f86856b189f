import { encodeKeyPart } from './keys.js';
import type { MemoryState } from './memory-state.js';
import type { OutboxMessage, OutboxRepository, OutboxState } from './outbox.repository.js';
import type { Versioned } from './versioned.js';

/** States the sender still has to act on. */
export const PENDING_STATES: readonly OutboxState[] = ['planned', 'failed', 'sending'];

export function createMemoryOutboxRepository(state: MemoryState): OutboxRepository {
  const copy = (entry: Versioned<OutboxMessage>) => structuredClone(entry);
  /** Due pending rows in key order (as Azure stores them), after `from` (an encoded key). */
  const pending = (now: Date, limit: number, programmeId?: string, from?: string | null) => {
    const due = now.toISOString();
    const prefix = programmeId === undefined ? '' : `${programmeId}|`;
    return [...state.outbox.values()]
      .filter((e) => PENDING_STATES.includes(e.value.state) && e.value.notBefore <= due)
      .filter((e) => e.value.key.startsWith(prefix))
      .filter((e) => from === null || from === undefined || encodeKeyPart(e.value.key) > from)
      .sort(byKey)
      .slice(0, limit);
  };
  return {
    add(message) {
      if (state.outbox.has(message.key)) return Promise.resolve(false);
      state.outbox.set(message.key, { value: structuredClone(message), etag: state.nextEtag() });
      return Promise.resolve(true);
    },
    get(key) {
      const found = state.outbox.get(key);
      return Promise.resolve(found ? copy(found) : null);
    },
    listPending(now, limit, programmeId) {
      return Promise.resolve(pending(now, limit, programmeId).sort(byNotBeforeThenKey).map(copy));
    },
    pagePending(now, limit, programmeId, from) {
      const rows = pending(now, limit, programmeId, from);
      const last = rows.length < limit ? undefined : rows.at(-1);
      return Promise.resolve({
        rows: [...rows].sort(byNotBeforeThenKey).map(copy),
        next: last === undefined ? null : encodeKeyPart(last.value.key),
      });
    },
    update(message, etag) {
      const found = state.outbox.get(message.key);
      if (!found || found.etag !== etag) return Promise.resolve({ ok: false });
      const next = { value: structuredClone(message), etag: state.nextEtag() };
      state.outbox.set(message.key, next);
      return Promise.resolve({ ok: true, etag: next.etag });
    },
    listByState(wanted, limit) {
      const found = [...state.outbox.values()]
        .filter((e) => e.value.state === wanted)
        .sort(byKey)
        .slice(0, limit)
        .sort(byNotBeforeThenKey);
      return Promise.resolve(found.map((e) => structuredClone(e.value)));
    },
  };
}

export function byNotBeforeThenKey(
  a: Versioned<OutboxMessage>,
  b: Versioned<OutboxMessage>,
): number {
  const left = `${a.value.notBefore}|${a.value.key}`;
  const right = `${b.value.notBefore}|${b.value.key}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Key order, as Azure returns a partition's rows (keys are stored encoded, see keys.ts). */
function byKey(a: Versioned<OutboxMessage>, b: Versioned<OutboxMessage>): number {
  const left = encodeKeyPart(a.value.key);
  const right = encodeKeyPart(b.value.key);
  return left < right ? -1 : left > right ? 1 : 0;
}
