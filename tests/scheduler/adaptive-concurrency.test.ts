import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import type { MessageTransport } from '../../src/scheduler/message-transport.js';
import { createOutboxProcessor, START_CONCURRENCY } from '../../src/scheduler/outbox-processor.js';
import { createRateLimiter, teamsRateLimits } from '../../src/scheduler/rate-limiter.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { installOff, personalChat, promptRow } from './outbox-fixtures.js';

const start = new Date('2021-01-04T09:00:00Z');

/** A Connector that takes `latencyMs` to answer each send, counting how many are in flight. */
function slowTransport(latencyMs: number) {
  let inFlight = 0;
  const seen = { most: 0, sent: 0 };
  const transport: MessageTransport = {
    async send() {
      inFlight += 1;
      seen.most = Math.max(seen.most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      inFlight -= 1;
      seen.sent += 1;
      return { ok: true, activityId: `activity-${seen.sent}` };
    },
  };
  return { transport, seen };
}

async function drainWith(options: { concurrency: number; latencyMs: number; messages: number }) {
  const store = createMemoryStore();
  const timer = createManualTimer(start);
  for (let i = 0; i < options.messages; i += 1) {
    const email = `owner${i}@x.gov.uk`;
    await store.conversations.save(personalChat(email));
    await store.outbox.add(promptRow(email, start));
  }
  const { transport, seen } = slowTransport(options.latencyMs);
  // A rate far above what the ceiling allows at this latency, so only the ceiling holds it.
  const ratePerSecond = 1_000;
  const processor = createOutboxProcessor({
    ...store,
    metrics: noSendMetrics,
    transport,
    reach: installOff(store.conversations),
    limiter: createRateLimiter({ clock: timer, limits: teamsRateLimits(ratePerSecond) }),
    timer,
    logger: silentLogger,
    concurrency: options.concurrency,
    ratePerSecond,
  });
  const report = await processor.drain();
  return { report, seen, sending: await store.outbox.listByState('sending', 1_000) };
}

describe('adaptive sending concurrency', () => {
  it('grows past its start when the Connector is slow, but never past SEND_CONCURRENCY', async () => {
    const { report, seen, sending } = await drainWith({
      concurrency: 12,
      latencyMs: 40,
      messages: 150,
    });
    expect(report.sent).toBe(150);
    expect(seen.sent).toBe(150);
    expect(seen.most).toBeGreaterThan(START_CONCURRENCY);
    expect(seen.most).toBeLessThanOrEqual(12);
    expect(sending).toHaveLength(0);
  });

  it('keeps below a ceiling lower than where it would start', async () => {
    const { seen } = await drainWith({ concurrency: 3, latencyMs: 20, messages: 30 });
    expect(seen.most).toBeLessThanOrEqual(3);
    expect(seen.sent).toBe(30);
  });
});
