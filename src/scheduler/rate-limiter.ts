import type { Clock } from '../app/clock.js';

/** At most `limit` sends in any `windowMs`. */
export interface RateRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimits {
  /** Teams: 7 per second and 60 per 30 seconds to one conversation. */
  readonly perConversation: readonly RateRule[];
  /** Across all conversations of one tenant; Teams allows about 30 per second. */
  readonly perTenant: readonly RateRule[];
}

export const TEAMS_RATE_LIMITS: RateLimits = {
  perConversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 60, windowMs: 30_000 },
  ],
  perTenant: [{ limit: 30, windowMs: 1_000 }],
};

/** Teams' limits with the per-tenant rate changed (the `SEND_RATE_PER_SECOND` setting). */
export function teamsRateLimits(perTenantPerSecond: number): RateLimits {
  return { ...TEAMS_RATE_LIMITS, perTenant: [{ limit: perTenantPerSecond, windowMs: 1_000 }] };
}

export interface RateLimiter {
  /**
   * Takes one send to this conversation in this tenant and returns 0, or takes nothing and
   * returns how many milliseconds to wait before asking again.
   */
  take(conversation: string, tenant: string | null): number;
}

/**
 * A token bucket of `limit` tokens in which each spent token comes back exactly one window
 * after it was spent. Unlike a bucket refilled at a steady rate, it can never let through
 * more than `limit` in any window, while still allowing a full burst when idle.
 */
class Bucket {
  /** When each spent token returns, oldest first (a ring of at most `limit`). */
  private readonly returns: number[] = [];

  constructor(private readonly rule: RateRule) {}

  /** Milliseconds until a token is free at `now` (0 when one is). */
  waitAt(now: number): number {
    while (this.returns.length > 0 && (this.returns[0] ?? Infinity) <= now) this.returns.shift();
    if (this.returns.length < this.rule.limit) return 0;
    return (this.returns[0] ?? now) - now;
  }

  spend(now: number): void {
    this.returns.push(now + this.rule.windowMs);
  }

  idleAt(now: number): boolean {
    return this.waitAt(now) === 0 && this.returns.length === 0;
  }
}

/** Buckets that are full again are forgotten after this many takes, so memory stays flat. */
const SWEEP_EVERY = 1_000;

/** Creates the limiter shared by every send of one instance; time comes from `clock`. */
export function createRateLimiter(options: {
  readonly clock: Clock;
  readonly limits: RateLimits;
}): RateLimiter {
  const { clock, limits } = options;
  const buckets = new Map<string, Bucket[]>();
  let takes = 0;

  const bucketsOf = (key: string, rules: readonly RateRule[]): Bucket[] => {
    let found = buckets.get(key);
    if (!found) {
      found = rules.map((rule) => new Bucket(rule));
      buckets.set(key, found);
    }
    return found;
  };

  const sweep = (now: number): void => {
    for (const [key, list] of buckets) {
      if (list.every((bucket) => bucket.idleAt(now))) buckets.delete(key);
    }
  };

  return {
    take(conversation, tenant) {
      const now = clock.now().getTime();
      const all = [
        ...bucketsOf(`conversation:${conversation}`, limits.perConversation),
        ...bucketsOf(`tenant:${tenant ?? ''}`, limits.perTenant),
      ];
      const wait = Math.max(0, ...all.map((bucket) => bucket.waitAt(now)));
      if (wait > 0) return wait;
      for (const bucket of all) bucket.spend(now);
      takes += 1;
      if (takes % SWEEP_EVERY === 0) sweep(now);
      return 0;
    },
  };
}
