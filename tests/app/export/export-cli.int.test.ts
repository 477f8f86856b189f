import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readXlsxWorkbook } from '../../../src/app/import/read-xlsx.js';
import { createTablesStore } from '../../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { loadSamplePlan } from '../../support/sample-plan.js';

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the export script as a person would, and stops it by its process id if it hangs. */
function runExport(args: readonly string[], env: Record<string, string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, 50_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run export', () => {
  const connectionString = inject('azuriteConnectionString');
  const tablePrefix = uniqueTablePrefix('exp');
  const env = { AZURE_STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix };
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'export-cli-'));
    const store = await createTablesStore({ connection: { connectionString }, tablePrefix });
    const plan = loadSamplePlan();
    await store.plans.replace({ ...plan, ratings: plan.updates });
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('writes the board pack of the only programme to the file named by --out', async () => {
    const out = join(folder, 'pack.xlsx');
    const run = await runExport(['--out', out], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the board pack of wsoa, 12 actions over 8 periods');
    const workbook = await readXlsxWorkbook(await readFile(out));
    expect(workbook.sheets.map((s) => s.name)).toContain('Grid');
    expect(workbook.sheets.find((s) => s.name === 'Ratings')?.rows).toHaveLength(13);
  });

  it('says what to do when the programme does not exist', async () => {
    const run = await runExport(['--out', join(folder, 'x.xlsx'), '--programme', 'nope'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no programme "nope".');
  });

  it('explains its usage when --out is missing', async () => {
    const run = await runExport([], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run export -- --out pack.xlsx');
  });
});
