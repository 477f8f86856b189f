import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../../src/scheduler/backoff.js';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('retry backoff', () => {
  it('doubles the ceiling with each attempt, waiting between half and all of it', () => {
    const low = [1, 2, 3, 4].map((attempts) =>
      retryDelayMs({ attempts, retryAfterMs: null, random: () => 0, policy }),
    );
    const high = [1, 2, 3, 4].map((attempts) =>
      retryDelayMs({ attempts, retryAfterMs: null, random: () => 0.999_999, policy }),
    );
    expect(low).toEqual([500, 1_000, 2_000, 4_000]);
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the maximum however many attempts failed', () => {
    expect(
      retryDelayMs({ attempts: 40, retryAfterMs: null, random: () => 0.999_999, policy }),
    ).toBe(60_000);
  });

  it('spreads retries of messages that failed together', () => {
    const delays = new Set(
      [0.1, 0.3, 0.5, 0.7, 0.9].map((r) =>
        retryDelayMs({ attempts: 3, retryAfterMs: null, random: () => r, policy }),
      ),
    );
    expect(delays.size).toBe(5);
  });

  it('never comes back sooner than the Connector asked with Retry-After', () => {
    expect(retryDelayMs({ attempts: 1, retryAfterMs: 30_000, random: () => 0.5, policy })).toBe(
      30_000,
    );
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = new Date('2021-01-04T09:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Mon, 04 Jan 2021 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
