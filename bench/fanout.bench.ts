/**
 * Fan-out of the first prompt of a period to 1,000 owners (one action each) through the local
 * test channel, with the per-tenant limit at 30 per second: the production scheduler (run-due,
 * outbox on Azurite, lease, limiter, Teams transport through botbuilder's CloudAdapter), in
 * this process. Two runs: every owner with the app installed, and every owner needing it
 * installed first through Graph (user look-up, install, installation list, chat), with the
 * test channel's Graph enforcing the Teams service limits (30 GET and 30 POST a second on
 * installedApps, 429 with Retry-After beyond). Run alone with `npm run bench fanout`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/app/logger.js';
import { createAppInstaller } from '../src/graph/create-app-installer.js';
import { unavailableInstaller } from '../src/graph/graph-app-installer.js';
import { readGraphConfig } from '../src/graph/graph-config.js';
import { createProactiveScheduler } from '../src/server/compose-scheduler.js';
import { readSchedulerConfig } from '../src/scheduler/scheduler-config.js';
import type { Timer } from '../src/scheduler/timer.js';
import { createBotAuthentication } from '../src/server/bot-authentication.js';
import { ServerAdapter } from '../src/server/server-adapter.js';
import { readServerConfig } from '../src/server/server-config.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { createTablesStore } from '../src/store/tables-store.js';
import { firstPromptOf, seedFanout } from '../tests/scheduler/support/fanout-world.js';
import { startTestChannel, testUser } from '../tests/support/test-channel/test-channel.js';
import { ownerEmail } from '../tests/scheduler/support/fanout-world.js';
import { noSendMetrics } from '../src/scheduler/send-metrics.js';
import { createMessageBudget } from '../src/cards/message-budget.js';

const OWNERS = 1_000;
const RATE = 30;

export interface FanoutRunFigures {
  readonly owners: number;
  /** True when every owner had the app; false when each was installed for through Graph first. */
  readonly alreadyInstalled: boolean;
  readonly configuredRatePerSecond: number;
  /** Deliveries per second from the first to the last accepted send. */
  readonly achievedRatePerSecond: number;
  readonly achievedShareOfLimit: number;
  /** From the tick starting (planning 1,000 rows included) to the last delivery. */
  readonly totalSeconds: number;
  readonly planSeconds: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly peakRssMb: number;
  readonly peakHeapUsedMb: number;
  /** Graph calls made, and how many Graph answered 429 (install run only). */
  readonly graphCalls: number;
  readonly graphThrottled: number;
}

export interface FanoutBenchFigures {
  readonly name: 'fanout';
  readonly installed: FanoutRunFigures;
  readonly installFirst: FanoutRunFigures;
}

export async function run(): Promise<FanoutBenchFigures> {
  const installed = await runOnce(true);
  const installFirst = await runOnce(false);
  return { name: 'fanout', installed, installFirst };
}

async function runOnce(alreadyInstalled: boolean): Promise<FanoutRunFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'fanout-bench-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  const channel = await startTestChannel({ graphLimits: true });
  try {
    const store = await createTablesStore({
      connection: { connectionString: azurite.connectionString },
      tablePrefix: `fan${Date.now().toString(36)}`,
    });
    await seedFanout(store, {
      owners: OWNERS,
      serviceUrl: channel.serviceUrl,
      appId: channel.appId,
      tenantId: channel.tenantId,
      installed: alreadyInstalled,
    });
    for (const permission of ['User.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All']) {
      channel.graph.granted.add(permission);
    }
    for (let i = 1; i <= OWNERS; i += 1) {
      channel.graph.addUser(testUser(`Owner ${i}`, ownerEmail(i)));
    }
    const env = { ...channel.botEnv(), ...channel.graphEnv(), PORT: '0', HOST: '127.0.0.1' };
    const serverConfig = readServerConfig(env);
    const appId = serverConfig.auth.mode === 'bot-framework' ? serverConfig.auth.appId : '';
    const start = firstPromptOf('Jan 2021').getTime();
    const began = Date.now();
    const timer: Timer = {
      now: () => new Date(start + (Date.now() - began)),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
    };
    const scheduler = createProactiveScheduler({
      budget: createMessageBudget(),
      metrics: noSendMetrics,
      store,
      adapter: new ServerAdapter(createBotAuthentication(serverConfig.auth, [])),
      appId,
      config: readSchedulerConfig({ SEND_RATE_PER_SECOND: String(RATE) }),
      logger: silentLogger,
      installer: alreadyInstalled
        ? unavailableInstaller('PROACTIVE_INSTALL is off.')
        : createAppInstaller(readGraphConfig(env), {
            sleep: (ms) => timer.sleep(ms),
            now: () => Date.now(),
          }).installer,
      teamsServiceUrl: channel.serviceUrl,
      timer,
      instanceId: 'bench',
    });

    let peakRss = 0;
    let peakHeap = 0;
    const sample = (): void => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const sampler = setInterval(sample, 50);
    const tickStarted = performance.now();
    const report = await scheduler.tick();
    const totalSeconds = (performance.now() - tickStarted) / 1000;
    clearInterval(sampler);
    sample();
    await scheduler.stop();

    const posts = channel.sent.filter((call) => call.kind === 'post' && call.status < 300);
    const distinct = new Set(posts.map((call) => call.conversationId));
    const first = posts[0]?.at.getTime() ?? 0;
    const last = posts.at(-1)?.at.getTime() ?? 0;
    const achieved = posts.length > 1 ? ((posts.length - 1) * 1000) / (last - first) : 0;
    const planSeconds = totalSeconds - (last - first) / 1000;
    if (!report.leader) throw new Error('The bench instance did not get the lease.');
    const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    return {
      owners: OWNERS,
      alreadyInstalled,
      configuredRatePerSecond: RATE,
      achievedRatePerSecond: Math.round(achieved * 10) / 10,
      achievedShareOfLimit: Math.round((achieved / RATE) * 1000) / 1000,
      totalSeconds: Math.round(totalSeconds * 10) / 10,
      planSeconds: Math.round(planSeconds * 10) / 10,
      lost: OWNERS - distinct.size,
      duplicated: posts.length - distinct.size,
      peakRssMb: mb(peakRss),
      peakHeapUsedMb: mb(peakHeap),
      graphCalls: channel.graph.calls.length,
      graphThrottled: channel.graph.calls.filter((call) => call.status === 429).length,
    };
  } finally {
    await channel.stop();
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
