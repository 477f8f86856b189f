import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { createOutboxProcessor } from '../../src/scheduler/outbox-processor.js';
import { createRateLimiter, TEAMS_RATE_LIMITS } from '../../src/scheduler/rate-limiter.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import {
  createRecordingTransport,
  personalChat,
  promptRow,
  refusal,
  installOff,
} from './outbox-fixtures.js';
import { noSendMetrics, type SendMetrics } from '../../src/scheduler/send-metrics.js';

const start = new Date('2021-01-04T09:00:00Z');

/** What telemetry's counters were told, as `counter:kind` lines. */
function recordingMetrics(): SendMetrics & { readonly counted: string[] } {
  const counted: string[] = [];
  const add = (name: string) => (kind: string) => void counted.push(`${name}:${kind}`);
  return {
    counted,
    sent: add('sent'),
    failed: add('failed'),
    retried: add('retried'),
    unreachable: add('unreachable'),
  };
}

async function setUp(recipients: readonly string[], metrics: SendMetrics = noSendMetrics) {
  const store = createMemoryStore();
  const timer = createManualTimer(start);
  const transport = createRecordingTransport();
  for (const email of recipients) {
    await store.conversations.save(personalChat(email));
    await store.outbox.add(promptRow(email, start));
  }
  const processor = (random = () => 0.5) =>
    createOutboxProcessor({
      metrics,
      ...store,
      transport,
      reach: installOff(store.conversations),
      limiter: createRateLimiter({ clock: timer, limits: TEAMS_RATE_LIMITS }),
      timer,
      logger: silentLogger,
      random,
    });
  return { store, timer, transport, processor };
}

describe('outbox processor', () => {
  it('sends each planned message once and records it as sent', async () => {
    const { store, transport, processor } = await setUp(['ann@x.gov.uk', 'bob@x.gov.uk']);
    const report = await processor().drain();
    expect(report.sent).toBe(2);
    expect(await processor().drain()).toMatchObject({ sent: 0 });
    expect(transport.delivered.map((d) => d.recipient).sort()).toEqual([
      'ann@x.gov.uk',
      'bob@x.gov.uk',
    ]);
    const sent = await store.outbox.listByState('sent', 10);
    expect(sent.map((m) => [m.recipient, m.attempts, m.activityId !== null])).toEqual([
      ['ann@x.gov.uk', 1, true],
      ['bob@x.gov.uk', 1, true],
    ]);
  });

  it('counts each send, retry and failure for telemetry, by kind of message', async () => {
    const metrics = recordingMetrics();
    const { timer, transport, processor } = await setUp(['ann@x.gov.uk', 'bob@x.gov.uk'], metrics);
    transport.fail(refusal(429, 1_000));
    await processor().drain();
    timer.advance(5_000);
    await processor().drain();
    expect(metrics.counted.sort()).toEqual(['retried:prompt', 'sent:prompt', 'sent:prompt']);
  });

  it('backs off after a 429 for at least the Retry-After, then delivers', async () => {
    const { store, timer, transport, processor } = await setUp(['ann@x.gov.uk']);
    transport.fail(refusal(429, 20_000));
    expect(await processor().drain()).toMatchObject({ retry: 1, sent: 0 });
    const failed = await store.outbox.get('wsoa|Jan 2021|prompt|ann@x.gov.uk');
    expect(failed?.value).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('429') as unknown,
    });
    expect(
      Date.parse(failed?.value.notBefore ?? '') - timer.now().getTime(),
    ).toBeGreaterThanOrEqual(20_000);

    timer.advance(10_000);
    expect(await processor().drain()).toMatchObject({ sent: 0 });
    timer.advance(15_000);
    expect(await processor().drain()).toMatchObject({ sent: 1 });
    expect(transport.delivered).toHaveLength(1);
  });

  it('retries 412, 502 and 504 with growing waits', async () => {
    const { store, timer, transport, processor } = await setUp(['ann@x.gov.uk']);
    transport.fail(refusal(412), refusal(502), refusal(504));
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await processor(() => 0).drain();
      const row = await store.outbox.get('wsoa|Jan 2021|prompt|ann@x.gov.uk');
      const wait = Date.parse(row?.value.notBefore ?? '') - timer.now().getTime();
      waits.push(wait);
      timer.advance(wait);
    }
    expect(waits).toEqual([500, 1_000, 2_000]);
    expect(await processor().drain()).toMatchObject({ sent: 1 });
  });

  it('marks a person who blocked the bot (403) unreachable and never retries them', async () => {
    const { store, timer, transport, processor } = await setUp(['ann@x.gov.uk']);
    transport.fail(refusal(403));
    expect(await processor().drain()).toMatchObject({ unreachable: 1 });
    timer.advance(86_400_000);
    expect(await processor().drain()).toMatchObject({ sent: 0, unreachable: 0 });
    expect(transport.delivered).toHaveLength(0);
    const people = await store.people.listUnreachable();
    expect(people.map((p) => [p.email, p.unreachable?.reason])).toEqual([
      ['ann@x.gov.uk', 'blocked'],
    ]);
  });

  it('marks someone without the app installed unreachable without calling Teams', async () => {
    const { store, transport, processor } = await setUp([]);
    await store.outbox.add(promptRow('new@x.gov.uk', start));
    expect(await processor().drain()).toMatchObject({ unreachable: 1 });
    expect(transport.delivered).toHaveLength(0);
    expect((await store.people.listUnreachable())[0]?.unreachable?.reason).toBe('not-installed');
    // Without Graph settings nobody can be installed for: the reason says which setting.
    const row = (await store.outbox.listByState('unreachable', 10))[0];
    expect(row?.lastError).toContain('have not opened the app');
    expect(row?.lastError).toContain('PROACTIVE_INSTALL is off');
  });

  it('after a crash mid-send, sends again what was in flight, as Teams cannot be asked', async () => {
    const { store, timer, transport, processor } = await setUp(['ann@x.gov.uk', 'bob@x.gov.uk']);
    // Both were claimed by an instance that died; Ann's reached Teams, Bob's did not.
    for (const email of ['ann@x.gov.uk', 'bob@x.gov.uk']) {
      const row = await store.outbox.get(`wsoa|Jan 2021|prompt|${email}`);
      if (!row) throw new Error('row missing');
      await store.outbox.update(
        {
          ...row.value,
          state: 'sending',
          attempts: 1,
          notBefore: new Date(start.getTime() + 120_000).toISOString(),
        },
        row.etag,
      );
    }
    transport.delivered.push({
      key: 'wsoa|Jan 2021|prompt|ann@x.gov.uk',
      recipient: 'ann@x.gov.uk',
    });
    // Not before the sending timeout: the other instance may still be sending.
    expect(await processor().drain()).toMatchObject({ sent: 0 });
    timer.advance(120_000);
    expect(await processor().drain()).toMatchObject({ sent: 2 });
    // Ann's prompt arrives twice: the one duplicate a crash in flight can cost.
    expect(transport.delivered.map((d) => d.recipient)).toEqual([
      'ann@x.gov.uk',
      'ann@x.gov.uk',
      'bob@x.gov.uk',
    ]);
  });

  it('sends again a message found in flight after a crash, so nothing is lost', async () => {
    const { store, timer, processor } = await setUp(['ann@x.gov.uk']);
    const row = await store.outbox.get('wsoa|Jan 2021|prompt|ann@x.gov.uk');
    if (!row) throw new Error('row missing');
    await store.outbox.update({ ...row.value, state: 'sending', attempts: 1 }, row.etag);
    timer.advance(1);
    expect(await processor().drain()).toMatchObject({ sent: 1 });
    expect((await store.outbox.get(row.value.key))?.value).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('never retries a message Teams refused as too big (413), and says why', async () => {
    const { store, timer, transport, processor } = await setUp(['ann@x.gov.uk']);
    transport.fail({
      ok: false,
      status: 413,
      retryAfterMs: null,
      code: 'MessageSizeTooBig',
      message: 'Message size too large.',
    });
    expect(await processor().drain()).toMatchObject({ refused: 1, retry: 0 });
    timer.advance(24 * 3_600_000);
    expect(await processor().drain()).toMatchObject({ sent: 0, refused: 0 });
    expect(transport.delivered).toHaveLength(0);
    const row = await store.outbox.get('wsoa|Jan 2021|prompt|ann@x.gov.uk');
    expect(row?.value).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row?.value.lastError).toContain('too big');
    expect(row?.value.lastError).toContain('MessageSizeTooBig');
  });

  it('gives up after the last attempt and keeps the last error for an admin', async () => {
    const { store, timer, transport, processor } = await setUp(['ann@x.gov.uk']);
    transport.fail(...Array.from({ length: 8 }, () => refusal(502)));
    for (let i = 0; i < 10; i += 1) {
      await processor().drain();
      timer.advance(3_600_000);
    }
    expect(transport.delivered).toHaveLength(0);
    const row = await store.outbox.get('wsoa|Jan 2021|prompt|ann@x.gov.uk');
    expect(row?.value).toMatchObject({ state: 'failed', attempts: 8 });
    expect(row?.value.lastError).toContain('Gave up after 8 attempts');
  });

  it('two processors draining the same outbox send each message once', async () => {
    const recipients = Array.from({ length: 40 }, (_, i) => `owner${i}@x.gov.uk`);
    const { transport, processor } = await setUp(recipients);
    const reports = await Promise.all([processor().drain(), processor().drain()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(40);
    expect(new Set(transport.delivered.map((d) => d.key)).size).toBe(40);
    expect(transport.delivered).toHaveLength(40);
  });
});
