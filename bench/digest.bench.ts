import { buildDigest } from '../src/app/digest/build-digest.js';
import {
  noGovernanceRecords,
  type ProgrammeSnapshot,
} from '../src/app/digest/programme-snapshot.js';
import { digestMessageOf } from '../src/bot/digest-message.js';
import { generateMeasures } from '../tests/app/digest/generated-measures.js';
import { generateProgramme } from '../tests/app/digest/generated-programme.js';

/** What the digest benchmark reports; times in milliseconds. */
export interface DigestBenchFigures {
  readonly actions: number;
  readonly periods: number;
  readonly measures: number;
  readonly valuesPerMeasure: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly budgetMs: number;
  readonly firstBuildMs: number;
  readonly cardBytesWithoutImages: number;
  readonly chartPngBytes: number;
  readonly chartPixels: string;
  readonly measureChartPngBytes: number;
  readonly summarised: boolean;
}

const ACTIONS = 5_000;
const MEASURES = 200;
const VALUES_PER_MEASURE = 24;
const RUNS = 15;

/**
 * Builds the digest of a 5,000-action, 8-period programme with 200 measures of 24 values each
 * from data already read (domain digest data, charts as SVG and PNG, card rendering and
 * fitting), as the bot does after its storage reads. The budget is 200 ms.
 */
export function run(): DigestBenchFigures {
  const plan = generateProgramme({ actions: ACTIONS });
  const snapshot: ProgrammeSnapshot = {
    ...plan,
    updates: plan.ratings,
    ...generateMeasures(plan, { measures: MEASURES, valuesPerMeasure: VALUES_PER_MEASURE }),
    governance: noGovernanceRecords(plan.programme.id),
  };
  const build = () => {
    const built = buildDigest({
      snapshot,
      today: '2021-08-02',
      unreachable: [],
      asAt: '2021-08-02T09:00:00Z',
      reportLink: (id, period) => `https://x.example/report/${id}?period=${period}`,
    });
    return built.ok ? { ok: true as const, value: digestMessageOf(built.value) } : built;
  };
  // The first build also loads modules, compiles and lays out every label once (labels'
  // letter shapes are kept for the life of the process); it is reported on its own.
  const coldStarted = performance.now();
  build();
  const firstBuildMs = performance.now() - coldStarted;
  const times: number[] = [];
  let last = build();
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    last = build();
    times.push(performance.now() - started);
  }
  if (!last.ok) throw new Error(`The benchmark digest failed: ${last.code}`);
  times.sort((a, b) => a - b);
  return {
    actions: ACTIONS,
    periods: plan.programme.periods.length,
    measures: MEASURES,
    valuesPerMeasure: VALUES_PER_MEASURE,
    runs: RUNS,
    medianMs: round(times[Math.floor(times.length / 2)] ?? Number.NaN),
    maxMs: round(times.at(-1) ?? Number.NaN),
    budgetMs: 200,
    firstBuildMs: round(firstBuildMs),
    cardBytesWithoutImages: last.value.sizeWithoutImages,
    chartPngBytes: last.value.chart.png.length,
    chartPixels: `${last.value.chart.width}x${last.value.chart.height}`,
    measureChartPngBytes: last.value.measureChart?.png.length ?? 0,
    summarised: last.value.summarised,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  console.log(JSON.stringify(run(), null, 2));
}
