import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDigestUseCase } from '../../src/app/digest/digest.use-case.js';
import { silentLogger } from '../../src/app/logger.js';
import { unavailableInstaller } from '../../src/graph/graph-app-installer.js';
import { createProactiveScheduler } from '../../src/server/compose-scheduler.js';
import { addWorkingDays, localDateTimeOf, zonedInstant } from '../../src/domain/calendar.js';
import { digestSchedule, type ScheduledDigest } from '../../src/domain/digest-schedule.js';
import type { IsoDate } from '../../src/domain/local-date.js';
import { readSchedulerConfig } from '../../src/scheduler/scheduler-config.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { createManualTimer, type ManualTimer } from '../../src/scheduler/timer.js';
import { createBotAuthentication } from '../../src/server/bot-authentication.js';
import { ServerAdapter } from '../../src/server/server-adapter.js';
import { readServerConfig } from '../../src/server/server-config.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { seedSamplePlan } from '../app/seed-sample.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import type { SamplePlan } from '../support/sample-plan.js';
import { startTestChannel, type TestChannel } from '../support/test-channel/test-channel.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { createMessageBudget } from '../../src/cards/message-budget.js';

const PERIOD = 'Jan 2021';
const BOARD_CHANNEL = '19:wsoa-board@thread.tacv2';
/** Local times each day is ticked at: before, at and after the digest hour, into the evening. */
const TIMES = ['07:00', '08:59', '09:00', '09:01', '11:30', '15:00', '17:59', '20:00'];
// Building the digest chart and a few dozen Table storage round trips per tick, on 2 cores.
const SLOW = 60_000;

interface Instance {
  readonly name: string;
  readonly timer: ManualTimer;
  readonly scheduler: Scheduler;
}

let channel: TestChannel;
let plan: SamplePlan;
let due: ScheduledDigest;
let instances: Instance[];

/** One bot instance: its own store client, adapter and clock, sharing Azurite with the rest. */
async function startInstance(name: string, tablePrefix: string, at: Date): Promise<Instance> {
  const store = await createTablesStore({
    connection: { connectionString: inject('azuriteConnectionString') },
    tablePrefix,
  });
  const timer = createManualTimer(at);
  const server = readServerConfig({ ...channel.botEnv(), PORT: '0', HOST: '127.0.0.1' });
  const scheduler = createProactiveScheduler({
    budget: createMessageBudget(),
    metrics: noSendMetrics,
    store,
    adapter: new ServerAdapter(createBotAuthentication(server.auth, [])),
    appId: channel.appId,
    // A short lease, so the second round of each step (20 s later) may change the sender.
    config: readSchedulerConfig({ SCHEDULER_LEASE_TTL_MS: '10000' }),
    logger: silentLogger,
    installer: unavailableInstaller('PROACTIVE_INSTALL is off.'),
    boards: store.links,
    digest: createDigestUseCase({ ...store, clock: timer, publicBaseUrl: null }),
    timer,
    instanceId: name,
  });
  return { name, timer, scheduler };
}

beforeAll(async () => {
  channel = await startTestChannel();
  const tablePrefix = uniqueTablePrefix('dig');
  const store = await createTablesStore({
    connection: { connectionString: inject('azuriteConnectionString') },
    tablePrefix,
  });
  plan = await seedSamplePlan(store);
  const scheduled = digestSchedule(plan.programme).find((d) => d.periodId === PERIOD);
  if (!scheduled) throw new Error(`The sample calendar has no board meeting for ${PERIOD}.`);
  due = scheduled;
  await store.conversations.save({
    key: BOARD_CHANNEL,
    kind: 'channel',
    tenantId: channel.tenantId,
    aadObjectId: null,
    email: null,
    reference: {
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      conversation: {
        id: BOARD_CHANNEL,
        conversationType: 'channel',
        isGroup: true,
        tenantId: channel.tenantId,
      },
      bot: { id: `28:${channel.appId}`, name: channel.botName },
    },
    updatedAt: '2020-12-01T00:00:00.000Z',
  });
  await store.links.save({
    conversationKey: BOARD_CHANNEL,
    programmeId: plan.programme.id,
    board: true,
    linkedBy: 'admin@council.example',
    linkedAt: '2020-12-01T00:00:00.000Z',
  });
  instances = [
    await startInstance('instance-one', tablePrefix, due.sendAt),
    await startInstance('instance-two', tablePrefix, due.sendAt),
  ];
}, SLOW);

afterAll(async () => {
  for (const instance of instances) await instance.scheduler.stop();
  await channel.stop();
});

const digestPosts = () =>
  channel.sent.filter((call) => call.kind === 'post' && call.conversationId === BOARD_CHANNEL);

/** The clock's time at each post to the board channel, as the instance that sent it saw it. */
const postedAt: Date[] = [];

async function tick(instance: Instance, at: Date): Promise<string[]> {
  instance.timer.set(at);
  const before = digestPosts().length;
  const report = await instance.scheduler.tick();
  for (let n = before; n < digestPosts().length; n += 1) postedAt.push(at);
  return report.leader ? [instance.name] : [];
}

/**
 * Both instances tick together at `at`; 20 seconds later (the lease has lapsed) they tick
 * again, the one that lost first, so each takes its turn as the sender. Says who led.
 */
async function tickBoth(at: Date): Promise<string[]> {
  const together = await Promise.all(instances.map((instance) => tick(instance, at)));
  const later = new Date(at.getTime() + 20_000);
  const order = together[0]?.length ? [...instances].reverse() : instances;
  const leaders = together.flat();
  for (const instance of order) leaders.push(...(await tick(instance, later)));
  return leaders;
}

/** Every text of a card, in order, as a person reads it. */
function textsOf(body: unknown): string[] {
  const texts: string[] = [];
  JSON.stringify((body as { attachments?: unknown }).attachments ?? [], (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts;
}

describe('the scheduled board digest, with two instances sharing one store', () => {
  it(
    'is posted to the board channel once, on its due day at 09:00, and never again',
    async () => {
      const { timeZone, rules } = plan.programme;
      // The sample's rules: two working days before the meeting of Wed 27 Jan, at 09:00.
      expect(due).toMatchObject({ boardMeeting: '2021-01-27', day: '2021-01-25' });
      expect(localDateTimeOf(due.sendAt, timeZone)).toEqual({ date: due.day, time: '09:00' });

      // From two working days before the due day to the meeting day, weekend included.
      const days: IsoDate[] = [];
      for (let day = addWorkingDays(due.day, -2, rules); day <= due.boardMeeting;) {
        days.push(day);
        day = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      }
      const leadersAfterDue = new Set<string>();
      for (const day of days) {
        for (const time of TIMES) {
          const at = zonedInstant(day, time, timeZone);
          const leaders = await tickBoth(at);
          if (at >= due.sendAt) leaders.forEach((name) => leadersAfterDue.add(name));
        }
        if (day < due.day) expect(digestPosts(), `nothing is posted on ${day}`).toEqual([]);
      }

      const posts = digestPosts();
      expect(posts).toHaveLength(1);
      expect(postedAt).toHaveLength(1);
      const sent = localDateTimeOf(postedAt[0]!, timeZone);
      expect(sent.date).toBe(due.day);
      expect(sent.time >= rules.digestAt, `sent at ${sent.time}`).toBe(true);
      // The first tick at or after the due time sends it: the 09:00 one.
      expect(postedAt[0]).toEqual(due.sendAt);
      // Both planned the digest after it fell due; the outbox let only the first one in.
      expect([...leadersAfterDue].sort()).toEqual(['instance-one', 'instance-two']);

      const texts = textsOf(posts[0]!.body);
      expect(texts.join('\n')).toContain(plan.programme.name);
      expect(texts.join('\n')).toContain(PERIOD);
      for (const word of ['Blue', 'Green', 'Amber', 'Red']) expect(texts).toContain(word);
    },
    SLOW,
  );
});
