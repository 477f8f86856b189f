import { describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  TEAMS_RATE_LIMITS,
  teamsRateLimits,
} from '../../src/scheduler/rate-limiter.js';
import { createManualTimer } from '../../src/scheduler/timer.js';

const start = new Date('2021-01-04T09:00:00Z');

/** Sends as fast as the limiter allows for `ms`, returning the instants of each send. */
async function sendFor(
  ms: number,
  pick: (i: number) => { conversation: string; tenant: string },
  limits = TEAMS_RATE_LIMITS,
): Promise<number[]> {
  const timer = createManualTimer(start);
  const limiter = createRateLimiter({ clock: timer, limits });
  const sent: number[] = [];
  for (let i = 0; timer.now().getTime() - start.getTime() < ms;) {
    const { conversation, tenant } = pick(i);
    const wait = limiter.take(conversation, tenant);
    if (wait === 0) {
      sent.push(timer.now().getTime() - start.getTime());
      i += 1;
    } else {
      await timer.sleep(wait);
    }
  }
  return sent;
}

function mostInAnyWindow(instants: readonly number[], windowMs: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < instants.length; to += 1) {
    while ((instants[to] ?? 0) - (instants[from] ?? 0) >= windowMs) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

describe('rate limiter', () => {
  it('never sends more than 7 a second or 60 in 30 seconds to one conversation', async () => {
    const sent = await sendFor(120_000, () => ({ conversation: 'chat-1', tenant: 't' }));
    expect(mostInAnyWindow(sent, 1_000)).toBe(7);
    expect(mostInAnyWindow(sent, 30_000)).toBe(60);
    expect(sent.length).toBe(240);
  });

  it('keeps a tenant to its configured rate across many conversations', async () => {
    const sent = await sendFor(10_000, (i) => ({ conversation: `chat-${i}`, tenant: 't' }));
    expect(mostInAnyWindow(sent, 1_000)).toBe(30);
    expect(sent.length).toBe(300);
  });

  it('uses a configured tenant rate, and tenants do not share one', async () => {
    const limits = teamsRateLimits(50);
    const sent = await sendFor(
      1_000,
      (i) => ({ conversation: `chat-${i}`, tenant: i % 2 === 0 ? 'a' : 'b' }),
      limits,
    );
    expect(sent.length).toBe(100);
  });

  it('lets a full burst through at once after a quiet spell', () => {
    const timer = createManualTimer(start);
    const limiter = createRateLimiter({ clock: timer, limits: TEAMS_RATE_LIMITS });
    const waits = Array.from({ length: 8 }, () => limiter.take('chat', 't'));
    expect(waits.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(waits[7]).toBe(1_000);
    timer.advance(60_000);
    expect(limiter.take('chat', 't')).toBe(0);
  });
});
