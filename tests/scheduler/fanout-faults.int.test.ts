import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTablesStore } from '../../src/store/tables-store.js';
import type { Store } from '../../src/store/store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startTestChannel, type TestChannel } from '../support/test-channel/test-channel.js';
import { firstPromptOf, seedFanout } from './support/fanout-world.js';
import { startLookupConnector, type LookupConnector } from './support/lookup-connector.js';
import { spawnWorker, type Worker } from './support/spawn-worker.js';

const OWNERS = 500;
// Seeding 500 owners in Table storage takes a while on a busy machine; it is done once.
const SLOW = 180_000;

let channel: TestChannel;
let front: LookupConnector;
let store: Store;
let baseEnv: Record<string, string>;
const workers: Worker[] = [];

beforeAll(async () => {
  channel = await startTestChannel();
  front = await startLookupConnector(channel.serviceUrl);
  const connectionString = inject('azuriteConnectionString');
  const tablePrefix = uniqueTablePrefix('fan');
  store = await createTablesStore({ connection: { connectionString }, tablePrefix });
  await seedFanout(store, {
    owners: OWNERS,
    serviceUrl: front.serviceUrl,
    appId: channel.appId,
    tenantId: channel.tenantId,
  });
  baseEnv = {
    ...channel.botEnv(),
    FANOUT_CONNECTION_STRING: connectionString,
    FANOUT_TABLE_PREFIX: tablePrefix,
    // The production limiter and backoff, with limits raised so CI stays quick.
    SEND_RATE_PER_SECOND: '200',
    SEND_CONCURRENCY: '16',
    SCHEDULER_LEASE_TTL_MS: '3000',
    SENDING_TIMEOUT_MS: '2000',
    SEND_BACKOFF_BASE_MS: '50',
    SEND_MAX_ATTEMPTS: '30',
  };
}, SLOW);

afterEach(async () => {
  channel.failSends(null);
  for (const worker of workers.splice(0)) {
    worker.kill();
    await worker.exited;
  }
});

afterAll(async () => {
  await front.stop();
  await channel.stop();
});

/** Each test fans out a different period's first prompt, so they share one seeded plan. */
function start(instance: string, periodId: string): Worker {
  const env = {
    ...baseEnv,
    FANOUT_INSTANCE: instance,
    FANOUT_START: firstPromptOf(periodId).toISOString(),
  };
  const worker = spawnWorker(env);
  workers.push(worker);
  return worker;
}

async function finished(worker: Worker): Promise<void> {
  const exit = await worker.exited;
  if (exit !== 0) throw new Error(`A scheduler instance exited with ${exit}:\n${worker.output()}`);
}

/** Prompts each owner's chat received (2xx) since `from` deliveries, by conversation. */
function promptsByRecipient(from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const delivery of front.deliveries.slice(from)) {
    counts.set(delivery.conversationId, (counts.get(delivery.conversationId) ?? 0) + 1);
  }
  return counts;
}

function duplicates(counts: Map<string, number>): string[] {
  return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
}

describe('fan-out of 500 prompts under faults', () => {
  it(
    'after SIGKILL part-way and a restart, every owner has their prompt, and only those in flight at the kill have it twice',
    async () => {
      const from = front.deliveries.length;
      const first = start('first', 'Jan 2021');
      while (front.deliveries.length - from < OWNERS / 4) {
        if (first.process.exitCode !== null) {
          throw new Error(`It finished before it could be killed:\n${first.output()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      first.kill();
      expect(await first.exited).toBe('SIGKILL');
      const killedAt = front.deliveries.length - from;
      expect(killedAt).toBeLessThan(OWNERS);

      const second = start('second', 'Jan 2021');
      await finished(second);
      const counts = promptsByRecipient(from);
      // Teams cannot be asked whether a message in flight at the kill arrived, so each of
      // those is sent again: at most one duplicate per send in flight (SEND_CONCURRENCY).
      const repeated = duplicates(counts);
      console.info(
        `SIGKILL after ${killedAt} deliveries; ${repeated.length} prompts repeated on restart`,
      );
      expect(repeated.length).toBeLessThanOrEqual(Number(baseEnv['SEND_CONCURRENCY']));
      expect([...counts.values()].every((n) => n <= 2)).toBe(true);
      expect(counts.size).toBe(OWNERS);
      const sent = await store.outbox.listByState('sent', 10 * OWNERS);
      expect(sent.filter((m) => m.periodId === 'Jan 2021')).toHaveLength(OWNERS);
    },
    SLOW,
  );

  it(
    'two instances started together send each prompt once',
    async () => {
      const from = front.deliveries.length;
      await Promise.all([start('one', 'Apr 2021'), start('two', 'Apr 2021')].map(finished));
      const counts = promptsByRecipient(from);
      expect(duplicates(counts)).toEqual([]);
      expect(counts.size).toBe(OWNERS);
    },
    SLOW,
  );

  it(
    'when Teams answers 429 to 30% of sends, every prompt arrives once',
    async () => {
      const from = front.deliveries.length;
      const callsBefore = channel.sent.length;
      channel.failSends({ status: 429, rate: 0.3, retryAfterSeconds: 0 });
      await finished(start('throttled', 'Jul 2021'));
      const throttled = channel.sent.slice(callsBefore).filter((call) => call.status === 429);
      expect(throttled.length).toBeGreaterThan(OWNERS / 10);
      const counts = promptsByRecipient(from);
      expect(duplicates(counts)).toEqual([]);
      expect(counts.size).toBe(OWNERS);
    },
    SLOW,
  );
});
