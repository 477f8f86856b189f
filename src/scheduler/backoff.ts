/** How long to wait before trying a failed send again. */
export interface BackoffPolicy {
  /** The ceiling of the first retry's delay. */
  readonly baseMs: number;
  /** No retry waits longer than this, Retry-After aside. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 10 * 60_000 };

/** Statuses Teams asks us to retry later: throttled, precondition, gateway trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 412, 500, 502, 503, 504]);

/**
 * Exponential backoff with "equal jitter": after attempt n the wait is between half and all of
 * min(max, base × 2^(n−1)), so instances that failed together do not retry together. A
 * `Retry-After` from the Connector is a floor: we never come back sooner than asked.
 */
export function retryDelayMs(options: {
  /** How many attempts have been made, counting the one that just failed (1 or more). */
  readonly attempts: number;
  readonly retryAfterMs: number | null;
  /** A number in [0, 1); `Math.random` outside tests. */
  readonly random: () => number;
  readonly policy?: BackoffPolicy;
}): number {
  const policy = options.policy ?? DEFAULT_BACKOFF;
  const exponent = Math.max(0, Math.min(30, options.attempts - 1));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = ceiling / 2 + (options.random() * ceiling) / 2;
  return Math.round(Math.max(options.retryAfterMs ?? 0, jittered));
}

/** Reads a `Retry-After` header: whole seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
