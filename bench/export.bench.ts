import { writeBoardPack } from '../src/render/board-pack/board-pack.js';
import {
  noGovernanceRecords,
  type ProgrammeSnapshot,
} from '../src/app/digest/programme-snapshot.js';
import { packGovernanceOf } from '../src/app/export/pack-governance.js';
import { ratingGridOf } from '../src/app/export/rating-grid.js';
import { generateProgramme } from '../tests/app/digest/generated-programme.js';

/** What the export benchmark reports; times in milliseconds. */
export interface ExportBenchFigures {
  readonly actions: number;
  readonly periods: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly budgetMs: number;
  readonly fileBytes: number;
}

const ACTIONS = 500;
const RUNS = 5;

/** Writes the board pack of 500 actions over 8 periods (every sheet, to bytes); budget 2 s. */
export async function run(): Promise<ExportBenchFigures> {
  const plan = generateProgramme({ actions: ACTIONS });
  const snapshot: ProgrammeSnapshot = {
    ...plan,
    updates: plan.ratings,
    measures: plan.measures ?? [],
    measureValues: plan.measureValues ?? [],
    governance: noGovernanceRecords(plan.programme.id),
  };
  const created = new Date('2021-08-02T09:00:00Z');
  const write = () =>
    writeBoardPack(snapshot, {
      created,
      grid: ratingGridOf(snapshot),
      governance: packGovernanceOf(snapshot, '2021-08-02'),
      measures: [],
    });
  let bytes = await write(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    bytes = await write();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    actions: ACTIONS,
    periods: plan.programme.periods.length,
    runs: RUNS,
    medianMs: Math.round(times[Math.floor(times.length / 2)] ?? Number.NaN),
    maxMs: Math.round(times.at(-1) ?? Number.NaN),
    budgetMs: 2_000,
    fileBytes: bytes.length,
  };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
