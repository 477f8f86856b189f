import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { createAppInstaller } from '../../src/graph/create-app-installer.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { readGraphConfig } from '../../src/graph/graph-config.js';
import { readSchedulerConfig } from '../../src/scheduler/scheduler-config.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createBotAuthentication } from '../../src/server/bot-authentication.js';
import { createProactiveScheduler } from '../../src/server/compose-scheduler.js';
import { ServerAdapter } from '../../src/server/server-adapter.js';
import { readServerConfig } from '../../src/server/server-config.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { loadSamplePlan } from '../support/sample-plan.js';
import {
  startTestChannel,
  testUser,
  type TestChannel,
} from '../support/test-channel/test-channel.js';
import { createMessageBudget } from '../../src/cards/message-budget.js';

/**
 * Owners who never opened the app, reached as a real tenant would reach them: the scheduler
 * installs the app through Graph (the test channel's), finds the chat, saves it and sends
 * through the Bot Connector, all over HTTP.
 */

// Ten working days before Fri 15 Jan 2021 (1 Jan a bank holiday): the first prompt.
const firstPrompt = new Date('2020-12-31T09:00:00Z');
const USER_PERMISSIONS = ['User.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'];
let channel: TestChannel;

beforeEach(async () => {
  channel = await startTestChannel();
});
afterEach(async () => {
  await channel.stop();
});

function ownersOf(plan: ReturnType<typeof loadSamplePlan>): string[] {
  return [
    ...new Set(
      plan.actions
        .map((a) => plan.roles.find((r) => r.code === a.ownerRole)?.person)
        .filter((p): p is string => typeof p === 'string'),
    ),
  ];
}

async function world(options: { readonly inDirectory?: (email: string) => boolean } = {}) {
  const plan = loadSamplePlan();
  const store = createMemoryStore();
  const first = plan.programme.periods.findIndex((p) => p.id === 'Jan 2021');
  const earlier = new Set(plan.programme.periods.slice(0, first).map((p) => p.id));
  await store.plans.replace({
    programme: plan.programme,
    workstreams: plan.workstreams,
    actions: plan.actions,
    roles: plan.roles,
    ratings: plan.updates.filter((u) => earlier.has(u.periodId)),
  });
  // Nobody has opened the app: no conversation is stored for anyone.
  for (const person of plan.people) {
    await store.people.save(person);
    if (options.inDirectory?.(person.email) ?? true) {
      channel.graph.addUser(testUser(person.name ?? person.email, person.email));
    }
  }
  const owners = ownersOf(plan);
  const env = { ...channel.botEnv(), ...channel.graphEnv(), PORT: '0', HOST: '127.0.0.1' };
  const config = readServerConfig(env);
  const timer = createManualTimer(firstPrompt);
  const graphSleeps: number[] = [];
  const scheduler = createProactiveScheduler({
    budget: createMessageBudget(),
    store,
    adapter: new ServerAdapter(createBotAuthentication(config.auth, [])),
    appId: channel.appId,
    config: readSchedulerConfig({ SEND_BACKOFF_BASE_MS: '10' }),
    logger: silentLogger,
    metrics: noSendMetrics,
    installer: createAppInstaller(readGraphConfig(env), {
      sleep: (ms) => {
        graphSleeps.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
      now: () => Date.now(),
    }).installer,
    teamsServiceUrl: channel.serviceUrl,
    timer,
    instanceId: 'test',
  });
  return { store, plan, owners, scheduler, timer, graphSleeps };
}

const posts = () => channel.sent.filter((call) => call.kind === 'post');
const chatOf = (email: string) => channel.graph.chatIdOf(channel.graph.findUser(email)!);
const graphCalls = (method: string, status: number) =>
  channel.graph.calls.filter((c) => c.method === method && c.status === status);

describe('prompts to owners who never opened the app', () => {
  it('installs the app for each, finds their chat and sends the period’s prompt there', async () => {
    for (const permission of USER_PERMISSIONS) channel.graph.granted.add(permission);
    const { owners, scheduler, store } = await world();
    const report = await scheduler.tick();
    expect(report.leader && report.drained).toMatchObject({ sent: owners.length, unreachable: 0 });
    for (const owner of owners) {
      const id = channel.graph.findUser(owner)!.id;
      expect(channel.graph.personalInstalls.has(id)).toBe(true);
      const sent = posts().filter((p) => p.conversationId === chatOf(owner));
      expect(sent).toHaveLength(1);
      expect(sent[0]?.status).toBe(201);
      expect(JSON.stringify(sent[0]?.body)).toContain('Your Jan 2021 update');
    }
    expect(graphCalls('POST', 201)).toHaveLength(owners.length);
    // The chat is kept: the next message goes straight there, with no Graph call.
    expect(await store.conversations.getPersonalByEmail(owners[0]!)).toMatchObject({
      reference: { conversation: { id: chatOf(owners[0]!) } },
    });
  });

  it('takes an app already installed (409) as success and still finds the chat', async () => {
    for (const permission of USER_PERMISSIONS) channel.graph.granted.add(permission);
    const { owners, scheduler } = await world();
    for (const owner of owners) channel.graph.preinstall(channel.graph.findUser(owner)!);
    const report = await scheduler.tick();
    expect(report.leader && report.drained.sent).toBe(owners.length);
    expect(graphCalls('POST', 409)).toHaveLength(owners.length);
    expect(new Set(posts().map((p) => p.conversationId))).toEqual(new Set(owners.map(chatOf)));
  });

  it('without consent, names the permission for the admin and does not try again', async () => {
    channel.graph.granted.add('User.Read.All');
    const { owners, scheduler, store, timer } = await world();
    const first = await scheduler.tick();
    expect(first.leader && first.drained).toMatchObject({ sent: 0, unreachable: owners.length });
    expect(posts()).toHaveLength(0);
    const unreachable = await store.people.listUnreachable();
    expect(unreachable.map((p) => p.email).sort()).toEqual([...owners].sort());
    expect(unreachable[0]?.unreachable?.detail).toContain(
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
    );
    const attempts = graphCalls('POST', 403).length;
    expect(attempts).toBe(owners.length);
    timer.advance(3_600_000);
    await scheduler.tick();
    expect(graphCalls('POST', 403)).toHaveLength(attempts);
  });

  it('marks someone the directory does not know unreachable, with the reason', async () => {
    for (const permission of USER_PERMISSIONS) channel.graph.granted.add(permission);
    const missing = ownersOf(loadSamplePlan())[0]!;
    const { owners, scheduler, store } = await world({ inDirectory: (email) => email !== missing });
    await scheduler.tick();
    const person = await store.people.get(missing);
    expect(person?.unreachable?.reason).toBe('not-installed');
    expect(person?.unreachable?.detail).toContain(`does not know ${missing}`);
    expect(posts()).toHaveLength(owners.length - 1);
  });

  it('waits out Graph’s 429 for its Retry-After and carries on', async () => {
    for (const permission of USER_PERMISSIONS) channel.graph.granted.add(permission);
    channel.graph.throttle({ count: 2, retryAfterSeconds: 1, method: 'POST' });
    const { owners, scheduler, graphSleeps } = await world();
    const report = await scheduler.tick();
    expect(report.leader && report.drained.sent).toBe(owners.length);
    expect(graphCalls('POST', 429)).toHaveLength(2);
    expect(graphSleeps.filter((ms) => ms === 1000)).toHaveLength(2);
  });

  it('leaves a long Graph throttle to the outbox, which tries again after it', async () => {
    for (const permission of USER_PERMISSIONS) channel.graph.granted.add(permission);
    channel.graph.throttle({ count: 1, retryAfterSeconds: 300, method: 'POST' });
    const { owners, scheduler, store, timer } = await world();
    const first = await scheduler.tick();
    expect(first.leader && first.drained).toMatchObject({ retry: 1, sent: owners.length - 1 });
    const waiting = await store.outbox.listByState('failed', 10);
    expect(waiting[0]?.notBefore).toBe(new Date(firstPrompt.getTime() + 300_000).toISOString());
    timer.advance(300_000);
    const second = await scheduler.tick();
    expect(second.leader && second.drained.sent).toBe(1);
  });

  it('does not send again a prompt Teams refused as too big (413)', async () => {
    for (const permission of USER_PERMISSIONS) channel.graph.granted.add(permission);
    const { owners, scheduler, store, timer } = await world();
    channel.failSends({ status: 413, count: 1 });
    const first = await scheduler.tick();
    expect(first.leader && first.drained).toMatchObject({ refused: 1, sent: owners.length - 1 });
    const refused = await store.outbox.listByState('failed', 10);
    expect(refused[0]?.lastError).toContain('too big');
    const calls = channel.sent.length;
    timer.advance(24 * 3_600_000);
    await scheduler.tick();
    expect(channel.sent.slice(calls).filter((c) => c.kind === 'post')).toHaveLength(0);
  });
});
