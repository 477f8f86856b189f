/**
 * The plan importer on Azurite with a generated workbook of 1,000 actions (5,000 steps, 50
 * roles, 8 periods, 2,000 past ratings): reading and validating it, the first import, a
 * re-import that changes every action, and one that changes nothing. The target is under 5 s
 * to validate and import. Run alone with `npm run bench import`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createAdminDirectory } from '../src/app/admin/admin-directory.js';
import { createImportUseCase } from '../src/app/import/import.use-case.js';
import { parsePlan } from '../src/app/import/parse-plan.js';
import { readCsvWorkbook, type CsvFile } from '../src/app/import/read-csv.js';
import { readXlsxWorkbook } from '../src/app/import/read-xlsx.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import type { PlanRepository } from '../src/store/plan.repository.js';
import { createTablesStore } from '../src/store/tables-store.js';
import { generatePlanWorkbook, LARGE_PLAN } from '../tests/fixtures/generate-plan-workbook.js';

export interface ImportBenchFigures {
  readonly name: 'import';
  readonly store: 'Azure Tables on Azurite 3.35 (in memory, loopback)';
  readonly actions: number;
  readonly steps: number;
  readonly pastRatings: number;
  /** CSV text to a checked plan, no storage. */
  readonly validateCsvMs: number;
  /** The same workbook as .xlsx bytes to a checked plan. */
  readonly validateXlsxMs: number;
  /** CSV text to the plan stored and switched to: read, validate, compare, replace. */
  readonly firstImportMs: number;
  /** Of which the store's all-or-nothing replace. */
  readonly firstReplaceMs: number;
  /** A workbook that changes every action's title and every role's person. */
  readonly changedImportMs: number;
  readonly changedReplaceMs: number;
  /** The same workbook again: compared, nothing written. */
  readonly unchangedImportMs: number;
  readonly targetMs: 5000;
  /** One-minute load average when the run ended, and cores: timings are only as quiet as these. */
  readonly loadAverage: number;
  readonly cpus: number;
  /** Highest resident set size seen during the imports, and how much it grew. */
  readonly peakRssMb: number;
  readonly rssGrowthMb: number;
  readonly peakHeapUsedMb: number;
}

const PROGRAMME = 'bench';

export async function run(): Promise<ImportBenchFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'import-bench-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  try {
    const store = await createTablesStore({
      connection: { connectionString: azurite.connectionString },
      tablePrefix: 'importbench',
    });
    // Time spent in the store's replace, to tell the importer's share from storage's.
    const replaceMs: number[] = [];
    const plans: PlanRepository = {
      replace: async (plan) => {
        const [ms] = await timed(() => store.plans.replace(plan));
        replaceMs.push(ms);
      },
    };
    const importer = createImportUseCase({
      ...store,
      plans,
      directory: createAdminDirectory({ configured: [], admins: store.admins }),
    });
    const one = generatePlanWorkbook({ ...LARGE_PLAN, variant: 'one' });
    const two = generatePlanWorkbook({ ...LARGE_PLAN, variant: 'two' });
    const xlsx = await toXlsx(one);
    const identity = { id: PROGRAMME, name: 'Benchmark programme' };

    const memory = watchMemory();
    const [validateCsvMs, parsed] = await timed(() => parsePlan(readCsvWorkbook(one), identity));
    if (!parsed.ok) throw new Error('The generated workbook should be valid.');
    const [validateXlsxMs] = await timed(async () =>
      parsePlan(await readXlsxWorkbook(xlsx), identity),
    );
    const importOf = (files: CsvFile[]) => async () => {
      const result = await importer.apply({
        actor: { kind: 'terminal', user: 'bench' },
        workbook: readCsvWorkbook(files),
        programmeId: PROGRAMME,
      });
      if (!result.ok) throw new Error(`The benchmark import failed: ${result.code}`);
      return result.value.written;
    };
    const [firstImportMs, firstWritten] = await timed(importOf(one));
    const [changedImportMs, changedWritten] = await timed(importOf(two));
    const [unchangedImportMs, unchangedWritten] = await timed(importOf(two));
    if (!firstWritten || !changedWritten || unchangedWritten) {
      throw new Error('Only the first two imports should have written anything.');
    }
    const peak = memory.stop();
    return {
      name: 'import',
      store: 'Azure Tables on Azurite 3.35 (in memory, loopback)',
      actions: parsed.plan.actions.length,
      steps: parsed.plan.actions.reduce((n, action) => n + action.steps.length, 0),
      pastRatings: parsed.plan.ratings.length,
      validateCsvMs,
      validateXlsxMs,
      firstImportMs,
      firstReplaceMs: replaceMs[0] ?? Number.NaN,
      changedImportMs,
      changedReplaceMs: replaceMs[1] ?? Number.NaN,
      unchangedImportMs,
      targetMs: 5000,
      loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      cpus: availableParallelism(),
      ...peak,
    };
  } finally {
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => T | Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [Math.round(performance.now() - started), value];
}

/** Samples memory every 5 ms; the importer's peak is what a small instance must hold. */
function watchMemory(): {
  stop(): Pick<ImportBenchFigures, 'peakRssMb' | 'rssGrowthMb' | 'peakHeapUsedMb'>;
} {
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMb: mb(rss), rssGrowthMb: mb(rss - start.rss), peakHeapUsedMb: mb(heap) };
    },
  };
}

async function toXlsx(files: readonly CsvFile[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const file of files) {
    const sheet = workbook.addWorksheet(file.name.replace(/\.csv$/, ''));
    for (const row of readCsvWorkbook([file]).sheets.flatMap((s) =>
      s.header ? [s.header, ...s.rows] : [],
    )) {
      sheet.addRow([...row.cells]);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
