/**
 * Memory of the built service at rest: `npm run build`, a 10,000-action programme stored in
 * Azurite (run in this process, so not counted), then `node dist/main.js` under
 * `/usr/bin/time -v` with the scheduler on. Its resident set is read from /proc after start,
 * every 5 s for three minutes (its first scheduler minute plans the whole programme; at rest is
 * the last sample, once that plan's memory has gone back) and after a `/status`; the peak is
 * what `time -v` reports as "Maximum resident set size" when it stops. The issue asks for at
 * most 150 MB at rest.
 * Run alone with `npm run bench idle-rss`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService } from '../scripts/build.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { createTablesStore } from '../src/store/tables-store.js';
import {
  startTestChannel,
  testUser,
  type TestChannel,
  type TestUser,
} from '../tests/support/test-channel/test-channel.js';
import { generateBenchPlan } from './bot-bench-programme.js';
import { startBuiltService } from './built-service.js';

export interface IdleRssFigures {
  readonly name: 'idle-rss';
  readonly actions: number;
  /** `node dist/main.js` as it is, then with V8's young generation kept small. */
  readonly runs: readonly ServiceRss[];
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
}

export interface ServiceRss {
  /** NODE_OPTIONS the service ran with. */
  readonly nodeOptions: string;
  /** Resident set of `node dist/main.js` once /healthz answers, in MB. */
  readonly afterStartMb: number;
  /**
   * The most it held in the first three minutes, sampled every 5 s: the scheduler's first
   * minute plans the whole programme, and V8 hands that memory back to the system only once the
   * service has been quiet for a minute or so.
   */
  readonly firstMinutesPeakMb: number;
  /** At rest: the last sample of the three minutes, after the first tick's plan is let go. */
  readonly atRestMb: number;
  /** After one `/status` of the whole programme. */
  readonly afterStatusMb: number;
  /** `/usr/bin/time -v`'s "Maximum resident set size" of the run, in MB. */
  readonly peakMb: number | null;
  /** Whether the chart renderer's native library was mapped at rest (it should not be). */
  readonly chartRendererLoadedAtRest: boolean;
}

/** Three minutes of samples, 5 s apart, after the first 2 s. */
const REST_SAMPLES = 36;
const mb = (kb: number): number => Math.round(kb / 1024);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function statusOf(pid: number): Promise<{ rssKb: number; maps: string }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const maps = await readFile(`/proc/${pid}/maps`, 'utf8');
  return { rssKb: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN), maps };
}

export async function run(): Promise<IdleRssFigures> {
  const atStart = Math.round((loadavg()[0] ?? NaN) * 100) / 100;
  await buildService();
  const folder = await mkdtemp(join(tmpdir(), 'idle-rss-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  const channel = await startTestChannel({ acceptUnauthenticated: true });
  const admin = testUser('Ada Admin', 'admin@council.example');
  try {
    const store = await createTablesStore({
      connection: { connectionString: azurite.connectionString },
      tablePrefix: 'idle',
    });
    const plan = generateBenchPlan(new Date(), 1000);
    await store.plans.replace(plan);
    const plain = await measureService(azurite.connectionString, channel, admin, '');
    const smallYoung = await measureService(
      azurite.connectionString,
      channel,
      admin,
      '--max-semi-space-size=1',
    );
    return {
      name: 'idle-rss',
      actions: plan.actions.length,
      runs: [plain, smallYoung],
      loadAverage: { atStart, atEnd: Math.round((loadavg()[0] ?? NaN) * 100) / 100 },
    };
  } finally {
    await channel.stop();
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

async function measureService(
  connectionString: string,
  channel: TestChannel,
  admin: TestUser,
  nodeOptions: string,
): Promise<ServiceRss> {
  const service = await startBuiltService({
    env: {
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: 'idle',
      ADMINS: admin.email,
      LOG_FORMAT: 'json',
      NODE_OPTIONS: nodeOptions,
    },
    timed: true,
  });
  try {
    const { url, pid: servicePid } = service;
    await sleep(2_000);
    const started = await statusOf(servicePid);
    const heavy = /resvg/.test(started.maps);
    const samples: number[] = [];
    for (let i = 0; i < REST_SAMPLES; i += 1) {
      await sleep(5_000);
      samples.push((await statusOf(servicePid)).rssKb);
    }
    const ask = channel.message('/status', admin, 'personal');
    const sent = await channel.send(url, ask);
    if (sent.status !== 200) throw new Error(`/status answered ${sent.status}`);
    await channel.waitFor((call) => call.activityId === ask.id, 60_000);
    await sleep(2_000);
    const answered = await statusOf(servicePid);
    const output = await service.stop();
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
    return {
      nodeOptions,
      afterStartMb: mb(started.rssKb),
      firstMinutesPeakMb: mb(Math.max(...samples)),
      atRestMb: mb(samples.at(-1) ?? NaN),
      afterStatusMb: mb(answered.rssKb),
      peakMb: peak === undefined ? null : mb(Number(peak)),
      chartRendererLoadedAtRest: heavy,
    };
  } finally {
    await service.stop();
  }
}
