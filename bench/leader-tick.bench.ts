/**
 * What the scheduler's leader costs each minute, counted against Azurite: the storage
 * requests and the bytes they bring back while `runDue` plans one programme, at 1,000 and
 * 10,000 actions. A quiet minute (nothing changed, no boundary reached) reads the change
 * marks only; a minute after a change (here a role's holder) reads the programme whole, as
 * every minute did before. Run alone with `npm run bench leader-tick`; BENCH_LEADER_SIZES
 * (say `1000`) picks the sizes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/app/logger.js';
import { createRunDue } from '../src/app/prompt/run-due.use-case.js';
import { isSendingTime, zonedInstant } from '../src/domain/calendar.js';
import { addDays, isoDateOf } from '../src/domain/dates.js';
import type { IsoDate } from '../src/domain/local-date.js';
import type { Programme } from '../src/domain/programme.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { openStore } from '../src/store/open-store.js';
import { generateBenchPlan } from './bot-bench-programme.js';

/** One minute's planning of one programme. */
export interface TickCost {
  readonly requests: number;
  readonly bytes: number;
  readonly ms: number;
  /** Programmes read whole (1) or not (0): which kind of minute this was. */
  readonly read: number;
}

export interface LeaderTickFigures {
  readonly name: 'leader-tick';
  readonly sizes: readonly {
    readonly actions: number;
    /** The first minute of a new leader: reads everything and writes what is due. */
    readonly first: TickCost;
    /** Median of the quiet minutes after it. */
    readonly quiet: TickCost;
    readonly quietSamples: number;
    /** The minute after a role changed: reads everything again, writes nothing new. */
    readonly afterChange: TickCost;
    /** afterChange ÷ quiet, in requests and in bytes. */
    readonly ratio: { readonly requests: number; readonly bytes: number };
  }[];
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
}

const QUIET_SAMPLES = 5;
const round = (value: number): number => Math.round(value * 100) / 100;

export async function run(): Promise<LeaderTickFigures> {
  const atStart = round(loadavg()[0] ?? NaN);
  const sizes = (process.env['BENCH_LEADER_SIZES'] ?? '1000,10000').split(',').map(Number);
  const folder = await mkdtemp(join(tmpdir(), 'leader-tick-bench-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  const counted = { requests: 0, bytes: 0 };
  try {
    const results = [];
    for (const size of sizes) {
      const storage = await openStore(
        { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: `lt${size}` },
        silentLogger,
        {
          onRequest: () => {
            counted.requests += 1;
          },
          onAnswer: (_request, answer) => {
            counted.bytes += answer.bytes;
          },
        },
      );
      try {
        const plan = generateBenchPlan(new Date(), Math.round(size / 10));
        await storage.store.plans.replace(plan);
        const { store } = storage;
        const runDue = createRunDue({ ...store, boards: store.links, logger: silentLogger });
        const start = sendingMorning(plan.programme);
        const tick = async (minute: number): Promise<TickCost> => {
          const before = { ...counted };
          const started = performance.now();
          const report = await runDue.run(new Date(start.getTime() + minute * 60_000));
          return {
            requests: counted.requests - before.requests,
            bytes: counted.bytes - before.bytes,
            ms: round(performance.now() - started),
            read: report.read,
          };
        };
        const first = await tick(0);
        const quiet: TickCost[] = [];
        for (let i = 1; i <= QUIET_SAMPLES; i += 1) quiet.push(await tick(i));
        const lead = plan.roles[0];
        if (lead) await store.roles.save({ ...lead, deputy: 'bench.deputy@bench.example' });
        const afterChange = await tick(QUIET_SAMPLES + 1);
        const median = medianOf(quiet);
        results.push({
          actions: plan.actions.length,
          first,
          quiet: median,
          quietSamples: QUIET_SAMPLES,
          afterChange,
          ratio: {
            requests: round(afterChange.requests / Math.max(1, median.requests)),
            bytes: round(afterChange.bytes / Math.max(1, median.bytes)),
          },
        });
      } finally {
        await storage.close();
      }
    }
    return {
      name: 'leader-tick',
      sizes: results,
      loadAverage: { atStart, atEnd: round(loadavg()[0] ?? NaN) },
    };
  } finally {
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** 10:00 on the first working day from today in the programme's zone: a sending time. */
function sendingMorning(programme: Programme): Date {
  const now = new Date();
  const today: IsoDate = isoDateOf(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  for (let day = 0; day < 14; day += 1) {
    const at = zonedInstant(addDays(today, day), '10:00', programme.timeZone);
    if (isSendingTime(at, programme.timeZone, programme.rules)) return at;
  }
  throw new Error('No working day in the next two weeks: check the bench calendar.');
}

function medianOf(costs: readonly TickCost[]): TickCost {
  const middle = <T>(values: readonly T[], by: (v: T) => number): number =>
    [...values].map(by).sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return {
    requests: middle(costs, (c) => c.requests),
    bytes: middle(costs, (c) => c.bytes),
    ms: middle(costs, (c) => c.ms),
    read: middle(costs, (c) => c.read),
  };
}
