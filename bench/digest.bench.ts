import { loadavg } from 'node:os';
import { buildDigest, type DigestResult } from '../src/app/digest/build-digest.js';
import {
  noGovernanceRecords,
  type ProgrammeSnapshot,
} from '../src/app/digest/programme-snapshot.js';
import { digestMessageOf, type DigestMessage } from '../src/bot/digest-message.js';
import { generateMeasures } from '../tests/app/digest/generated-measures.js';
import { generateProgramme } from '../tests/app/digest/generated-programme.js';

/** One way of sending the digest, timed; times in milliseconds. */
export interface DigestBuildFigures {
  readonly medianMs: number;
  readonly maxMs: number;
  /**
   * CPU time (user and system, every thread of the process) per build: on a shared machine
   * the wall-clock figures grow with the load, this much less.
   */
  readonly cpuMedianMs: number;
  readonly firstBuildMs: number;
  readonly cardBytes: number;
  readonly cardBytesWithoutImages: number;
  /** PNG bytes drawn while building the message: none when the card links its charts. */
  readonly chartPngBytes: number;
  readonly measureChartPngBytes: number;
  readonly summarised: boolean;
}

/** What the digest benchmark reports; times in milliseconds. */
export interface DigestBenchFigures {
  readonly actions: number;
  readonly periods: number;
  readonly measures: number;
  readonly valuesPerMeasure: number;
  readonly runs: number;
  readonly budgetMs: number;
  /** A deployment (PUBLIC_BASE_URL set): both charts linked, so none is drawn. */
  readonly linked: DigestBuildFigures;
  /** Local use (no public address): both charts drawn and embedded as data URIs. */
  readonly embedded: DigestBuildFigures;
  readonly chartPixels: string;
  /** The machine's load average over the last minute when the run began (two cores). */
  readonly loadAverage: number;
}

const ACTIONS = 5_000;
const MEASURES = 200;
const VALUES_PER_MEASURE = 24;
const RUNS = 15;
const BASE = 'https://tracker.example.org';

/**
 * Builds the digest of a 5,000-action, 8-period programme with 200 measures of 24 values each
 * from data already read (domain digest data, charts, card rendering and fitting), as the bot
 * does after its storage reads: once as a deployment sends it (charts linked) and once as
 * local use does (charts drawn into the card). The budget is 200 ms.
 */
export function run(): DigestBenchFigures {
  const loadAverage = round(loadavg()[0] ?? Number.NaN);
  const plan = generateProgramme({ actions: ACTIONS });
  const snapshot: ProgrammeSnapshot = {
    ...plan,
    updates: plan.ratings,
    ...generateMeasures(plan, { measures: MEASURES, valuesPerMeasure: VALUES_PER_MEASURE }),
    governance: noGovernanceRecords(plan.programme.id),
  };
  const input = {
    snapshot,
    today: '2021-08-02',
    unreachable: [],
    asAt: '2021-08-02T09:00:00Z',
    reportLink: (id: string, period: string) => `${BASE}/report/${id}?period=${period}`,
  };
  const linked = timed(() =>
    buildDigest({
      ...input,
      chartLink: (id, period) => `${BASE}/report/${id}/chart.png?period=${period}`,
      measureChartLink: (id, period) => `${BASE}/report/${id}/measures.png?period=${period}`,
    }),
  );
  const embedded = timed(() => buildDigest(input));
  return {
    actions: ACTIONS,
    periods: plan.programme.periods.length,
    measures: MEASURES,
    valuesPerMeasure: VALUES_PER_MEASURE,
    runs: RUNS,
    budgetMs: 200,
    linked: linked.figures,
    embedded: embedded.figures,
    chartPixels: `${linked.message.chart.width}x${linked.message.chart.height}`,
    loadAverage,
  };
}

function timed(built: () => DigestResult): {
  figures: DigestBuildFigures;
  message: DigestMessage;
} {
  const build = (): DigestMessage => {
    const result = built();
    if (!result.ok) throw new Error(`The benchmark digest failed: ${result.code}`);
    return digestMessageOf(result.value);
  };
  // The first build also loads modules, compiles and lays out every label once (labels'
  // letter shapes are kept for the life of the process); it is reported on its own.
  const coldStarted = performance.now();
  build();
  const firstBuildMs = performance.now() - coldStarted;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let last = build();
  for (let i = 0; i < RUNS; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    last = build();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    message: last,
    figures: {
      medianMs: round(times[Math.floor(times.length / 2)] ?? Number.NaN),
      maxMs: round(times.at(-1) ?? Number.NaN),
      cpuMedianMs: round(cpuTimes[Math.floor(cpuTimes.length / 2)] ?? Number.NaN),
      firstBuildMs: round(firstBuildMs),
      cardBytes: last.size,
      cardBytesWithoutImages: last.sizeWithoutImages,
      chartPngBytes: last.chart.png?.length ?? 0,
      measureChartPngBytes: last.measureChart?.png?.length ?? 0,
      summarised: last.summarised,
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  console.log(JSON.stringify(run(), null, 2));
}
