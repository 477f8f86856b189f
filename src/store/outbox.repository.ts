/**
 * Every proactive message is written here before it is sent and marked after, so a restart
 * neither loses nor repeats one. The key is deterministic (programme, period, kind,
 * recipient): planning the same schedule twice adds nothing.
 */
/** `notBefore` of a message given up for good: never listed as pending again. */
export const GIVEN_UP = '9999-12-31T23:59:59.999Z';

export type OutboxState = 'planned' | 'sending' | 'sent' | 'failed' | 'unreachable';

export interface OutboxMessage {
  /** Starts with the programme's id and `|`: a programme's sender lists its messages by it. */
  readonly key: string;
  readonly programmeId: string;
  readonly periodId: string;
  readonly kind: string;
  /** Email of a person, or a conversation key for channel posts. */
  readonly recipient: string;
  /** What to render, as plain data; the sender decides the card. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError: string | null;
  /** UTC ISO instant before which it is not tried (backoff). */
  readonly notBefore: string;
  /** Connector activity id once sent. */
  readonly activityId: string | null;
  readonly updatedAt: string;
}

export interface OutboxRepository {
  /** Adds the message unless its key exists; returns whether it was added. */
  add(message: OutboxMessage): Promise<boolean>;
  get(key: string): Promise<{ readonly value: OutboxMessage; readonly etag: string } | null>;
  /**
   * Up to `limit` messages in `planned`, `failed` or `sending` state whose `notBefore` has
   * passed: the first by key, then ordered by `notBefore`. Read a page at a time, never every
   * pending row, so its cost does not grow with the fan-out.
   */
  listPending(
    now: Date,
    limit: number,
    /** Only this programme's messages (their keys start with its id). */
    programmeId?: string,
  ): Promise<{ readonly value: OutboxMessage; readonly etag: string }[]>;
  /**
   * As `listPending`, continuing after `from` (the `next` of the page before; null starts at
   * the first key), so a pass over the outbox reads each row once and not the rows already
   * sent again for every page. `next` is null once the pass has reached the last key.
   */
  pagePending(
    now: Date,
    limit: number,
    programmeId: string | undefined,
    from: string | null,
  ): Promise<{
    readonly rows: { readonly value: OutboxMessage; readonly etag: string }[];
    readonly next: string | null;
  }>;
  /** Replaces the message only if still at `etag`; false when someone else changed it. */
  update(
    message: OutboxMessage,
    etag: string,
  ): Promise<{ readonly ok: true; readonly etag: string } | { readonly ok: false }>;
  /** Up to `limit` messages in this state, the first by key, ordered by `notBefore`. */
  listByState(state: OutboxState, limit: number): Promise<OutboxMessage[]>;
}
