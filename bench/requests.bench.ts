/**
 * Storage requests per chat operation, counted against Azurite: every HTTP request the
 * Azure Tables client sends while the bot answers one turn (the store's `onRequest` hook).
 * The bot runs cold (READ_CACHE_TTL_MS=0), as the first turn after a write does, with Teams
 * authentication on, over a generated programme. Run alone with `npm run bench requests`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/app/clock.js';
import { silentLogger } from '../src/app/logger.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { openStore } from '../src/store/open-store.js';
import { withReadCache } from '../src/store/read-cache.js';
import { startBot } from '../tests/support/start-bot.js';
import { startTestChannel, testUser } from '../tests/support/test-channel/test-channel.js';
import { generateBenchPlan } from './bot-bench-programme.js';
import { createBenchBot } from './bench-bot.js';

/** Requests one operation made, over `samples` tries: the fewest, the median and the most. */
export interface RequestCount {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly samples: number;
}

export interface RequestsBenchFigures {
  readonly name: 'requests';
  readonly actions: number;
  readonly readCacheTtlMs: 0;
  readonly operations: Readonly<Record<string, RequestCount>>;
  /**
   * Save: the longest chain of storage requests each waiting for the one before (one started
   * only after the other's answer came) before its first write, over the same samples.
   */
  readonly saveSequentialBeforeWrite: RequestCount;
  /**
   * The budgets, and the bounds reached for a workstream and a mistyped word, to
   * read beside the counts.
   */
  readonly budgets: Readonly<Record<string, number>>;
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
}

const SAMPLES = 5;
const round = (value: number): number => Math.round(value * 100) / 100;

export async function run(): Promise<RequestsBenchFigures> {
  const atStart = round(loadavg()[0] ?? NaN);
  const folder = await mkdtemp(join(tmpdir(), 'requests-bench-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  const channel = await startTestChannel();
  let requests = 0;
  /** Every request sent, with when it went and when its answer came. */
  const sent: Timed[] = [];
  const timing = new Map<object, Timed>();
  try {
    const storage = await openStore(
      { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString },
      silentLogger,
      {
        onRequest: (request) => {
          requests += 1;
          const timed = { method: request.method, start: performance.now(), end: Infinity };
          sent.push(timed);
          timing.set(request, timed);
          if (process.env['BENCH_TRACE'])
            console.log(request.method, decodeURIComponent(request.url));
        },
        onAnswer: (request) => {
          const timed = timing.get(request);
          if (timed) timed.end = performance.now();
          timing.delete(request);
        },
      },
    );
    const plan = generateBenchPlan(new Date());
    await storage.store.plans.replace(plan);
    const store = withReadCache(storage.store, { ttlMs: 0, clock: systemClock });
    const bot = await startBot({
      env: channel.botEnv(),
      bot: createBenchBot(store),
    });
    try {
      const chair = testUser('Bench Chair', 'chair@bench.example');
      const owner = testUser('EHC Lead', 'ehc.lead@bench.example');

      /** Requests made while the bot answers this activity (its replies included). */
      const counted = async (activity: Parameters<typeof channel.send>[1]) => {
        const before = requests;
        if (process.env['BENCH_TRACE'])
          console.log('---', JSON.stringify(activity.text ?? activity.name));
        const answer = await channel.send(bot.url, activity);
        if (answer.status !== 200) throw new Error(`The bot answered HTTP ${answer.status}`);
        return { count: requests - before, body: answer.body };
      };
      /**
       * A typed command, counted; its reply must contain `expected`, so a refusal ("you are
       * not in this programme") is never counted as the answer it stands in for.
       */
      const typed =
        (text: string, expected: string, from = chair) =>
        async () => {
          const activity = channel.message(text, from, 'personal');
          const { count } = await counted(activity);
          const reply = await channel.waitFor(
            (c) => c.activityId === activity.id && c.kind === 'reply',
          );
          const shown = JSON.stringify(reply.body);
          if (!shown.includes(expected)) {
            throw new Error(`${text} answered without "${expected}": ${shown.slice(0, 400)}`);
          }
          return count;
        };
      const chains: number[] = [];
      const save = async (): Promise<number> => {
        // The form is opened uncounted; pressing Save on it is the operation.
        const open = channel.message('/update EHC7', owner, 'personal');
        await counted(open);
        const call = await channel.waitFor((c) => c.activityId === open.id && c.kind === 'reply');
        const data = saveData(call.body);
        const pressed = channel.cardAction(
          'update',
          { ...data, rating: 'Amber', note: `Delayed by recruitment (${requests}).` },
          owner,
        );
        const first = sent.length;
        const { count } = await counted(pressed);
        chains.push(sequentialBeforeWrite(sent.slice(first)));
        return count;
      };

      // First contact for both people (member look-up, conversation stored) is not counted.
      await typed('hello', '')();
      await typed('hello', '', owner)();
      const operations = {
        statusProgramme: await countOf(typed('/status', 'Workstream EHC')),
        statusWorkstream: await countOf(typed('/status EHC', 'EHC7')),
        statusAction: await countOf(typed('/status EHC7', 'EHC7')),
        statusMistyped: await countOf(typed('/status QQZX', 'QQZX')),
        mine: await countOf(typed('/mine', 'EHC7', owner)),
        save: await countOf(save),
        echoHelp: await countOf(typed('/help', '/status')),
      };
      return {
        name: 'requests',
        actions: plan.actions.length,
        readCacheTtlMs: 0,
        operations,
        saveSequentialBeforeWrite: spread(chains),
        budgets: {
          statusProgramme: 3,
          statusWorkstream: 3,
          statusAction: 4,
          statusMistyped: 4,
          mine: 3,
          save: 4,
        },
        loadAverage: { atStart, atEnd: round(loadavg()[0] ?? NaN) },
      };
    } finally {
      await bot.close();
      await storage.close();
    }
  } finally {
    await channel.stop();
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

interface Timed {
  readonly method: string;
  readonly start: number;
  end: number;
}

/**
 * How many requests in a row, each sent only once the one before had answered, led to the
 * first write (a POST: a transaction or an insert). Requests sent together count once.
 */
function sequentialBeforeWrite(requests: readonly Timed[]): number {
  const write = requests.find((r) => r.method === 'POST');
  const before = requests.filter((r) => r !== write && r.start < (write?.start ?? Infinity));
  const depth = new Map<Timed, number>();
  for (const request of [...before].sort((a, b) => a.start - b.start)) {
    const waitedFor = before.filter((other) => other.end <= request.start);
    depth.set(request, 1 + Math.max(0, ...waitedFor.map((other) => depth.get(other) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}

async function countOf(operation: () => Promise<number>): Promise<RequestCount> {
  const counts: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) counts.push(await operation());
  return spread(counts);
}

function spread(values: readonly number[]): RequestCount {
  const counts = [...values].sort((a, b) => a - b);
  return {
    min: counts[0] ?? NaN,
    median: counts[Math.floor(counts.length / 2)] ?? NaN,
    max: counts.at(-1) ?? NaN,
    samples: counts.length,
  };
}

/** The data the update form's Save button carries. */
function saveData(body: unknown): Record<string, unknown> {
  let found: Record<string, unknown> | null = null;
  JSON.stringify(body, (_key, value: unknown) => {
    if (
      found === null &&
      typeof value === 'object' &&
      value !== null &&
      'verb' in value &&
      value.verb === 'update' &&
      'data' in value
    ) {
      found = value.data as Record<string, unknown>;
    }
    return value;
  });
  if (found === null) throw new Error('The update form has no Save button');
  return found;
}
