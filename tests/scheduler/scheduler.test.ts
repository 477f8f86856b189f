import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { createRunDue } from '../../src/app/prompt/run-due.use-case.js';
import { createLeaseKeeper } from '../../src/scheduler/lease-keeper.js';
import { createOutboxProcessor } from '../../src/scheduler/outbox-processor.js';
import { createRateLimiter, TEAMS_RATE_LIMITS } from '../../src/scheduler/rate-limiter.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import type { Store } from '../../src/store/store.js';
import { sampleWorldBefore } from '../app/prompt/prompt-world.js';
import {
  createRecordingTransport,
  type RecordingTransport,
  installOff,
} from './outbox-fixtures.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';

const firstPrompt = new Date('2020-12-31T09:00:00Z');

function instance(store: Store, owner: string, transport: RecordingTransport, at: Date) {
  const timer = createManualTimer(at);
  const scheduler = createScheduler({
    runDue: createRunDue({ ...store, logger: silentLogger }),
    processor: createOutboxProcessor({
      metrics: noSendMetrics,
      ...store,
      transport,
      reach: installOff(store.conversations),
      limiter: createRateLimiter({ clock: timer, limits: TEAMS_RATE_LIMITS }),
      timer,
      logger: silentLogger,
    }),
    lease: createLeaseKeeper({ leases: store.leases, name: 'scheduler', owner, timer }),
    timer,
    logger: silentLogger,
  });
  return { scheduler, timer };
}

describe('scheduler tick', () => {
  it('lets only the lease holder plan and send; another takes over once it stops', async () => {
    const { store } = await sampleWorldBefore('Jan 2021');
    const transport = createRecordingTransport();
    const a = instance(store, 'a', transport, firstPrompt);
    const b = instance(store, 'b', transport, firstPrompt);
    const [first, second] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect([first.leader, second.leader].sort()).toEqual([false, true]);
    const sentOnce = transport.delivered.length;
    expect(sentOnce).toBeGreaterThan(3);

    const [leader, follower] = first.leader ? [a, b] : [b, a];
    await leader.scheduler.stop();
    follower.timer.advance(60_000);
    const after = await follower.scheduler.tick();
    expect(after.leader).toBe(true);
    expect(transport.delivered).toHaveLength(sentOnce);
  });
});
