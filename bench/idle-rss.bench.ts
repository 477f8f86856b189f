/**
 * Memory of the built service at rest: `npm run build`, a 10,000-action programme stored in
 * Azurite (run in this process, so not counted), then `node dist/main.js` under
 * `/usr/bin/time -v` with the scheduler on. Its resident set is read from /proc after start,
 * after a minute's scheduler tick and after a `/status`; the peak is what `time -v` reports
 * as "Maximum resident set size" when it stops. The issue asks for at most 150 MB at rest.
 * Run alone with `npm run bench idle-rss`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** After the scheduler's first tick has read the programme (65 s after start). */
  readonly afterTickMb: number;
  /** After one `/status` of the whole programme. */
  readonly afterStatusMb: number;
  /** `/usr/bin/time -v`'s "Maximum resident set size" of the run, in MB. */
  readonly peakMb: number | null;
  /** Whether the chart renderer's native library was mapped at rest (it should not be). */
  readonly chartRendererLoadedAtRest: boolean;
}

const root = fileURLToPath(new URL('..', import.meta.url));
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
  const port = 40_000 + Math.floor(Math.random() * 1_000);
  const timed = existsSync('/usr/bin/time');
  const node = [process.execPath, '--disable-warning=DEP0111', 'dist/main.js'];
  const service = spawn(
    timed ? '/usr/bin/time' : node[0]!,
    timed ? ['-v', ...node] : node.slice(1),
    {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        AZURE_STORAGE_CONNECTION_STRING: connectionString,
        TABLE_PREFIX: 'idle',
        ADMINS: admin.email,
        LOG_FORMAT: 'json',
        NODE_OPTIONS: nodeOptions,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  service.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  service.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => service.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ;) {
    const answer = await fetch(`${url}/healthz`).catch(() => null);
    if (answer?.status === 200) break;
    if (Date.now() > deadline || service.exitCode !== null) throw new Error(output);
    await sleep(200);
  }
  // Under time -v the service is time's child: find node's own id.
  const servicePid = timed
    ? Number((await readFile(`/proc/${service.pid}/task/${service.pid}/children`, 'utf8')).trim())
    : (service.pid ?? NaN);
  await sleep(2_000);
  const started = await statusOf(servicePid);
  const heavy = /resvg/.test(started.maps);
  await sleep(65_000);
  const ticked = await statusOf(servicePid);
  const ask = channel.message('/status', admin, 'personal');
  const sent = await channel.send(url, ask);
  if (sent.status !== 200) throw new Error(`/status answered ${sent.status}`);
  await channel.waitFor((call) => call.activityId === ask.id, 60_000);
  await sleep(2_000);
  const answered = await statusOf(servicePid);
  // To node itself: time -v passes no signal on, and reports once its child has gone.
  process.kill(servicePid, 'SIGTERM');
  await exited;
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  return {
    nodeOptions,
    afterStartMb: mb(started.rssKb),
    afterTickMb: mb(ticked.rssKb),
    afterStatusMb: mb(answered.rssKb),
    peakMb: peak === undefined ? null : mb(Number(peak)),
    chartRendererLoadedAtRest: heavy,
  };
}
