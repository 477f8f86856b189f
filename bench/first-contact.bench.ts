/**
 * 1,000 people messaging the bot for the first time at once (issue #16): each types `/mine`
 * in their personal chat, so the bot must record the chat and ask Teams' member API who they
 * are before it can read their actions. The bot runs as in production: the built service,
 * `node dist/main.js`, in its own process, on the embedded Azurite, against the local test
 * channel, with a programme where each of the 1,000 owns one action. This process plays
 * Teams and the 1,000 people; the three processes share the machine's two cores. Every request
 * is signed before the clock starts, so the burst itself is the bot's work. A probe loaded into
 * the service (`node --import`) measures its event-loop delay and counts the HTTP requests it
 * sends to storage. The issue asks for a p99 reply under 10 s and an event-loop delay p99 under
 * 200 ms. Run alone with `npm run bench first-contact`.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildService } from '../scripts/build.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { createTablesStore } from '../src/store/tables-store.js';
import { ownerEmail, seedFanout } from '../tests/scheduler/support/fanout-world.js';
import { startTestChannel, testUser } from '../tests/support/test-channel/test-channel.js';
import { startBuiltService } from './built-service.js';
import { processCpuMs } from './process-cpu.js';

const PEOPLE = 1_000;
const TABLE_PREFIX = 'first';

export interface FirstContactFigures {
  readonly name: 'first-contact';
  /** What answered: the built service in its own process. */
  readonly bot: 'node dist/main.js';
  readonly people: number;
  readonly answered: number;
  /** Replies the bot posted to the people's chats (one each when all is well). */
  readonly replies: number;
  /** HTTP requests the service sent to storage during the burst, per person. */
  readonly storageRequestsPerTurn: number;
  /**
   * CPU time per turn, in ms: the service's, this process's (Teams and the 1,000 people) and
   * Azurite's. With 1,000 turns at once on two cores, these set the wait.
   */
  readonly cpuMsPerTurn: {
    readonly bot: number;
    readonly teamsAndPeople: number;
    readonly azurite: number;
  };
  readonly memberLookups: number;
  readonly replyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** In the service's own process. */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly totalSeconds: number;
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
}

/** What the probe in the service reports: the event-loop delay and requests by host. */
interface ProbeReport {
  readonly delayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly requestsByHost: Readonly<Record<string, number>>;
}

/**
 * Loaded into the service with `node --import`: it keeps the event loop's delay and counts the
 * HTTP requests the service starts, by host, through Node's `http.client.request.start`
 * diagnostics channel. Asked over IPC, it answers with both and starts again from nothing.
 */
const PROBE = `
import { subscribe } from 'node:diagnostics_channel';
import { monitorEventLoopDelay } from 'node:perf_hooks';
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let requestsByHost = {};
subscribe('http.client.request.start', ({ request }) => {
  const host = request.getHeader('host') ?? request.host;
  requestsByHost[host] = (requestsByHost[host] ?? 0) + 1;
});
const ms = (ns) => Math.round(ns / 1e5) / 10;
process.on('message', (message) => {
  if (message !== 'probe') return;
  process.send({
    delayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
    requestsByHost,
  });
  delay.reset();
  requestsByHost = {};
});
process.channel?.unref();
`;

const round = (value: number): number => Math.round(value * 10) / 10;
const cpuMsOf = (pid: number): number => processCpuMs(pid) ?? NaN;
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function run(): Promise<FirstContactFigures> {
  const atStart = round(loadavg()[0] ?? NaN);
  await buildService();
  const folder = await mkdtemp(join(tmpdir(), 'first-contact-'));
  const probe = join(folder, 'probe.mjs');
  await writeFile(probe, PROBE);
  const azurite = await startEmbeddedAzurite({ location: join(folder, 'azurite'), inMemory: true });
  const channel = await startTestChannel();
  try {
    const store = await createTablesStore({
      connection: { connectionString: azurite.connectionString },
      tablePrefix: TABLE_PREFIX,
    });
    await seedFanout(store, {
      owners: PEOPLE,
      serviceUrl: channel.serviceUrl,
      appId: channel.appId,
      tenantId: channel.tenantId,
      installed: false,
    });
    const storageHost = `${azurite.host}:${azurite.port}`;
    const bot = await startBuiltService({
      env: {
        ...channel.botEnv(),
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX,
        // Chat turns only: the scheduler's minute would be work the burst does not ask for.
        SCHEDULER: 'off',
        LOG_FORMAT: 'json',
      },
      nodeArgs: [`--import=${pathToFileURL(probe).href}`],
      ipc: true,
    });
    try {
      // Someone else first, so the keys, the outbound token and the JIT are warm.
      const warm = await channel.send(
        bot.url,
        channel.message('/mine', testUser('Warm Up', 'warm@fanout.example'), 'personal'),
      );
      if (warm.status !== 200) throw new Error(`The warm-up answered ${warm.status}`);
      const requests = await Promise.all(
        Array.from({ length: PEOPLE }, async (_, i) => {
          const person = testUser(`Owner ${i + 1}`, ownerEmail(i + 1));
          const activity = channel.message('/mine', person, 'personal');
          return {
            headers: await channel.signedHeaders(activity),
            body: JSON.stringify(activity),
            conversationId: activity.conversation?.id ?? '',
          };
        }),
      );
      const lookupsBefore = channel.sent.filter(
        (call) => call.kind === 'read' && call.path.includes('/members/'),
      ).length;
      await askProbe(bot.process);
      const cpuBefore = {
        bot: cpuMsOf(bot.pid),
        here: process.cpuUsage(),
        azurite: cpuMsOf(azurite.pid),
      };
      const started = performance.now();
      const timings = await Promise.all(
        requests.map(async (request) => {
          const sent = performance.now();
          const response = await fetch(`${bot.url}/api/messages`, {
            method: 'POST',
            headers: request.headers,
            body: request.body,
          });
          await response.arrayBuffer();
          return { ms: performance.now() - sent, ok: response.status === 200 };
        }),
      );
      const totalSeconds = (performance.now() - started) / 1000;
      const here = process.cpuUsage(cpuBefore.here);
      const botCpuMs = cpuMsOf(bot.pid) - cpuBefore.bot;
      const azuriteCpuMs = cpuMsOf(azurite.pid) - cpuBefore.azurite;
      const report = await askProbe(bot.process);
      const wanted = new Set(requests.map((request) => request.conversationId));
      const replies = channel.sent.filter(
        (call) => call.kind === 'reply' && wanted.has(call.conversationId ?? ''),
      ).length;
      const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
      return {
        name: 'first-contact',
        bot: 'node dist/main.js',
        people: PEOPLE,
        answered: timings.filter((t) => t.ok).length,
        replies,
        storageRequestsPerTurn: round((report.requestsByHost[storageHost] ?? 0) / PEOPLE),
        cpuMsPerTurn: {
          bot: round(botCpuMs / PEOPLE),
          teamsAndPeople: round((here.user + here.system) / 1000 / PEOPLE),
          azurite: round(azuriteCpuMs / PEOPLE),
        },
        memberLookups:
          channel.sent.filter((call) => call.kind === 'read' && call.path.includes('/members/'))
            .length - lookupsBefore,
        replyMs: {
          p50: round(percentile(sorted, 50)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted.at(-1) ?? NaN),
        },
        eventLoopDelayMs: report.delayMs,
        totalSeconds: round(totalSeconds),
        loadAverage: { atStart, atEnd: round(loadavg()[0] ?? NaN) },
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await channel.stop();
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The probe's figures since it was last asked (it starts again from nothing). */
function askProbe(service: ChildProcess): Promise<ProbeReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The probe in the service did not answer')),
      10_000,
    );
    service.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as ProbeReport);
    });
    service.send('probe');
  });
}
