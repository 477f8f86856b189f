/**
 * One fan-out run for the fan-out benchmarks: the first prompt of a period to every owner of
 * one or more programmes, sent by one or more scheduler instances sharing one store on the
 * embedded Azurite, through the local test channel. Each instance is the production scheduler
 * (run-due, outbox, per-programme leases, limiter, Teams transport through botbuilder's
 * CloudAdapter) in this process; each programme is in a tenant of its own, so each has its
 * own per-tenant rate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { silentLogger } from '../src/app/logger.js';
import { createMessageBudget } from '../src/cards/message-budget.js';
import { createAppInstaller } from '../src/graph/create-app-installer.js';
import { unavailableInstaller } from '../src/graph/graph-app-installer.js';
import { readGraphConfig } from '../src/graph/graph-config.js';
import { readSchedulerConfig } from '../src/scheduler/scheduler-config.js';
import { noSendMetrics } from '../src/scheduler/send-metrics.js';
import type { Timer } from '../src/scheduler/timer.js';
import { createBotAuthentication } from '../src/server/bot-authentication.js';
import { createProactiveScheduler } from '../src/server/compose-scheduler.js';
import { ServerAdapter } from '../src/server/server-adapter.js';
import { readServerConfig } from '../src/server/server-config.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { createTablesStore } from '../src/store/tables-store.js';
import {
  conversationIdOf,
  firstPromptOf,
  ownerEmail,
  seedFanout,
} from '../tests/scheduler/support/fanout-world.js';
import { startTestChannel, testUser } from '../tests/support/test-channel/test-channel.js';

export interface FanoutRunOptions {
  /** Owners of each programme, one action each. */
  readonly owners: number;
  /** True when every owner has the app; false when each is installed for through Graph first. */
  readonly alreadyInstalled: boolean;
  /** The per-tenant rate (`SEND_RATE_PER_SECOND`). */
  readonly rate: number;
  /** How long Teams takes to answer each Connector call. Default 0. */
  readonly connectorLatencyMs?: number;
  /** Programmes in the store, each in its own tenant. Default 1. */
  readonly programmes?: number;
  /** Scheduler instances sharing the store. Default 1. */
  readonly instances?: number;
}

export interface FanoutRunFigures {
  readonly owners: number;
  readonly programmes: number;
  readonly instances: number;
  readonly alreadyInstalled: boolean;
  readonly connectorLatencyMs: number;
  readonly configuredRatePerSecond: number;
  /** Deliveries per second from the first to the last accepted send, all programmes together. */
  readonly achievedRatePerSecond: number;
  /** The achieved rate over the configured rate times the programmes. */
  readonly achievedShareOfLimit: number;
  /** From the tick starting (planning included) to the last delivery. */
  readonly totalSeconds: number;
  readonly planSeconds: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly peakRssMb: number;
  readonly peakHeapUsedMb: number;
  /**
   * The most the heap held after a full collection, forced once a second during the send:
   * what the scheduler keeps alive, without the garbage V8 has not yet collected.
   */
  readonly peakLiveHeapMb: number;
  /** Graph calls made, and how many Graph answered 429 (install runs only). */
  readonly graphCalls: number;
  readonly graphThrottled: number;
  /** The programmes each instance sent for in the measured tick. */
  readonly programmesByInstance: readonly (readonly string[])[];
}

/**
 * A full collection before each run's tick, so its heap peak is not what an earlier run (or
 * the seeding) left for the collector: V8's gc() exposed for this process, as --expose-gc does.
 */
function collectGarbage(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed;
}

const programmeIdOf = (index: number): string => (index === 0 ? 'fanout' : `fanout${index + 1}`);

export async function runFanout(options: FanoutRunOptions): Promise<FanoutRunFigures> {
  const programmes = options.programmes ?? 1;
  const instances = options.instances ?? 1;
  const latency = options.connectorLatencyMs ?? 0;
  const folder = await mkdtemp(join(tmpdir(), 'fanout-bench-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  // The channel keeps no bodies, so the heap measured is the scheduler's, not the stand-in's.
  const channel = await startTestChannel({
    graphLimits: true,
    connectorLatencyMs: latency,
    keepBodies: false,
  });
  const tablePrefix = `fan${Date.now().toString(36)}`;
  const openStore = () =>
    createTablesStore({ connection: { connectionString: azurite.connectionString }, tablePrefix });
  try {
    const seeding = await openStore();
    const ids = Array.from({ length: programmes }, (_, i) => programmeIdOf(i));
    /**
     * Where each owner's prompt should arrive: the chat seeded for them, or, when the app is
     * installed for them first, the chat Graph names for them and the bot.
     */
    const expected = new Set<string>();
    for (const [index, programmeId] of ids.entries()) {
      await seedFanout(seeding, {
        owners: options.owners,
        serviceUrl: channel.serviceUrl,
        appId: channel.appId,
        // The first programme in the channel's own tenant, the others in tenants of their own.
        tenantId: index === 0 ? channel.tenantId : `tenant-of-${programmeId}`,
        installed: options.alreadyInstalled,
        programmeId,
      });
      for (let i = 1; i <= options.owners; i += 1) {
        const user = channel.graph.addUser(testUser(`Owner ${i}`, ownerEmail(i, programmeId)));
        expected.add(
          options.alreadyInstalled
            ? conversationIdOf(i, programmeId)
            : channel.graph.chatIdOf(user),
        );
      }
    }
    for (const permission of ['User.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All']) {
      channel.graph.granted.add(permission);
    }
    const env = { ...channel.botEnv(), ...channel.graphEnv(), PORT: '0', HOST: '127.0.0.1' };
    const serverConfig = readServerConfig(env);
    const appId = serverConfig.auth.mode === 'bot-framework' ? serverConfig.auth.appId : '';
    const due = firstPromptOf('Jan 2021').getTime();
    // Before the prompt is due, so the instances can find each other and share the programmes.
    let offset = -10 * 60_000;
    const began = Date.now();
    const timer: Timer = {
      now: () => new Date(due + offset + (Date.now() - began)),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
    };
    const schedulers = await Promise.all(
      Array.from({ length: instances }, async (_, n) =>
        createProactiveScheduler({
          budget: createMessageBudget(),
          metrics: noSendMetrics,
          store: await openStore(),
          adapter: new ServerAdapter(createBotAuthentication(serverConfig.auth, [])),
          appId,
          config: readSchedulerConfig({ SEND_RATE_PER_SECOND: String(options.rate) }),
          logger: silentLogger,
          installer: options.alreadyInstalled
            ? unavailableInstaller('PROACTIVE_INSTALL is off.')
            : createAppInstaller(readGraphConfig(env), {
                sleep: (ms) => timer.sleep(ms),
                now: () => Date.now(),
              }).installer,
          teamsServiceUrl: channel.serviceUrl,
          timer,
          instanceId: `bench-${n + 1}`,
        }),
      ),
    );
    // Two rounds: each instance says it is alive, then holds no more than its share.
    for (let round = 0; round < 2; round += 1) {
      for (const scheduler of schedulers) await scheduler.tick();
    }
    offset = -(Date.now() - began);

    collectGarbage();
    let peakRss = 0;
    let peakHeap = 0;
    const sample = (): void => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const sampler = setInterval(sample, 50);
    let peakLive = 0;
    const live = setInterval(() => (peakLive = Math.max(peakLive, collectGarbage())), 1_000);
    const tickStarted = performance.now();
    const reports = await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
    const totalSeconds = (performance.now() - tickStarted) / 1000;
    clearInterval(sampler);
    clearInterval(live);
    sample();
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    if (!reports.some((report) => report.leader)) {
      throw new Error('No bench instance held a programme.');
    }

    const posts = channel.sent.filter(
      (call) =>
        call.kind === 'post' && call.status < 300 && expected.has(call.conversationId ?? ''),
    );
    const distinct = new Set(posts.map((call) => call.conversationId));
    const first = posts[0]?.at.getTime() ?? 0;
    const last = posts.at(-1)?.at.getTime() ?? 0;
    const achieved = posts.length > 1 ? ((posts.length - 1) * 1000) / (last - first) : 0;
    const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    return {
      owners: options.owners,
      programmes,
      instances,
      alreadyInstalled: options.alreadyInstalled,
      connectorLatencyMs: latency,
      configuredRatePerSecond: options.rate,
      achievedRatePerSecond: Math.round(achieved * 10) / 10,
      achievedShareOfLimit: Math.round((achieved / (options.rate * programmes)) * 1000) / 1000,
      totalSeconds: Math.round(totalSeconds * 10) / 10,
      planSeconds: Math.round((totalSeconds - (last - first) / 1000) * 10) / 10,
      lost: expected.size - distinct.size,
      duplicated: posts.length - distinct.size,
      peakRssMb: mb(peakRss),
      peakHeapUsedMb: mb(peakHeap),
      peakLiveHeapMb: mb(peakLive),
      graphCalls: channel.graph.calls.length,
      graphThrottled: channel.graph.calls.filter((call) => call.status === 429).length,
      programmesByInstance: reports.map((report) => report.programmes ?? []),
    };
  } finally {
    await channel.stop();
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
