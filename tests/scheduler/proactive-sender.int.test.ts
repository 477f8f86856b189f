import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { unavailableInstaller } from '../../src/graph/graph-app-installer.js';
import { createProactiveScheduler } from '../../src/server/compose-scheduler.js';
import { readSchedulerConfig } from '../../src/scheduler/scheduler-config.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createBotAuthentication } from '../../src/server/bot-authentication.js';
import { ServerAdapter } from '../../src/server/server-adapter.js';
import { readServerConfig } from '../../src/server/server-config.js';
import { startTestChannel, type TestChannel } from '../support/test-channel/test-channel.js';
import { sampleWorldBefore } from '../app/prompt/prompt-world.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { createMessageBudget } from '../../src/cards/message-budget.js';

// Ten working days before Fri 15 Jan 2021 (1 Jan a bank holiday): the first prompt.
const firstPrompt = new Date('2020-12-31T09:00:00Z');
let channel: TestChannel;

beforeEach(async () => {
  channel = await startTestChannel();
});
afterEach(async () => {
  await channel.stop();
});

async function world(budget = createMessageBudget()) {
  const { store, plan } = await sampleWorldBefore('Jan 2021');
  for (const person of plan.people) {
    await store.conversations.save({
      key: `personal:${person.email}`,
      kind: 'personal',
      tenantId: channel.tenantId,
      aadObjectId: person.email,
      email: person.email,
      reference: {
        channelId: 'msteams',
        serviceUrl: channel.serviceUrl,
        conversation: {
          id: `a:${person.email}`,
          conversationType: 'personal',
          tenantId: channel.tenantId,
        },
        bot: { id: `28:${channel.appId}`, name: channel.botName },
        user: { id: `29:${person.email}`, aadObjectId: person.email },
      },
      updatedAt: '2020-12-01T00:00:00.000Z',
    });
  }
  const config = readServerConfig({ ...channel.botEnv(), PORT: '0', HOST: '127.0.0.1' });
  const scheduler = createProactiveScheduler({
    budget,
    metrics: noSendMetrics,
    store,
    adapter: new ServerAdapter(createBotAuthentication(config.auth, [])),
    appId: channel.appId,
    config: readSchedulerConfig({}),
    logger: silentLogger,
    installer: unavailableInstaller('PROACTIVE_INSTALL is off.'),
    timer: createManualTimer(firstPrompt),
    instanceId: 'test',
  });
  return { store, plan, scheduler };
}

function cardOf(body: unknown): string {
  return JSON.stringify((body as { attachments?: unknown[] }).attachments ?? []);
}

describe('proactive prompts through the Teams test channel', () => {
  it('posts each owner one card listing their actions with ratings in words and an Update button each', async () => {
    const { plan, scheduler } = await world();
    const report = await scheduler.tick();
    expect(report.leader && report.drained.sent).toBeGreaterThan(3);
    const a2Owner = plan.roles.find(
      (r) => r.code === plan.actions.find((a) => a.ref === 'A2')?.ownerRole,
    )?.person;
    const posts = channel.sent.filter(
      (call) => call.kind === 'post' && call.conversationId === `a:${a2Owner}`,
    );
    expect(posts).toHaveLength(1);
    const card = cardOf(posts[0]?.body);
    expect(card).toContain('Your Jan 2021 update');
    expect(card).toContain('Not yet rated');
    expect(card).toContain('"verb":"edit"');
    expect(card).toContain('"title":"Update"');
    expect(card).toMatch(/"verb":"edit","data":\{"programmeId":"[^"]+","ref":"A2"\}/);
  });

  it('marks the owner unreachable when they have blocked the bot (403), and does not try again', async () => {
    const { store, scheduler } = await world();
    channel.failSends({ status: 403, code: 'ConversationBlockedByUser', count: 1 });
    const first = await scheduler.tick();
    expect(first.leader && first.drained.unreachable).toBe(1);
    const blocked = await store.people.listUnreachable();
    expect(blocked.map((p) => p.unreachable?.reason)).toEqual(['blocked']);
    const refused = channel.sent.filter((call) => call.status === 403).length;
    await scheduler.tick();
    expect(
      channel.sent.filter((call) => call.conversationId === `a:${blocked[0]?.email}`),
    ).toHaveLength(refused);
  });

  it('sends nothing over the message budget, and says so without trying again', async () => {
    // 2 KB holds no card at all: every message is over it.
    const { store, scheduler } = await world(createMessageBudget(2 * 1024));
    const first = await scheduler.tick();
    expect(first.leader && first.drained).toMatchObject({ sent: 0, retry: 0 });
    expect(first.leader && first.drained.refused).toBeGreaterThan(0);
    expect(channel.sent.filter((call) => call.kind === 'post')).toHaveLength(0);
    const failed = await store.outbox.listByState('failed', 100);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.lastError).toContain('over the message budget');
    expect(failed[0]?.lastError).toMatch(/weighs [\d.]+ KB as Teams counts it/);
    await scheduler.tick();
    expect(channel.sent.filter((call) => call.kind === 'post')).toHaveLength(0);
  });
});
