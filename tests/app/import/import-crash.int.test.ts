import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCsvWorkbook } from '../../../src/app/import/read-csv.js';
import { codeKey } from '../../../src/store/keys.js';
import { createTablesStore } from '../../../src/store/tables-store.js';
import type { Store } from '../../../src/store/store.js';
import { generatePlanWorkbook, LARGE_PLAN } from '../../fixtures/generate-plan-workbook.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { ADMIN, importHarness, snapshot } from './import-harness.js';

const PROGRAMME = 'big';
const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

interface ChildRun {
  readonly pid: number;
  readonly output: () => string;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  readonly killed: Promise<void>;
}

/** Starts the child import; resolves `killed` once `killWhen` is true and SIGKILL is sent. */
function startChild(env: Record<string, string>, killWhen: () => Promise<boolean>): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('The import child did not start.');
  const pid = child.pid;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const killed = (async () => {
    // Watch storage until the new plan is part-written, then kill the process by its id.
    while (!gone) {
      if (output.includes('writing') && (await killWhen())) {
        process.kill(pid, 'SIGKILL');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return { pid, output: () => output, exited, killed };
}

describe('killing the process during a 1,000-action import, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'import-crash-'));
    for (const file of generatePlanWorkbook({ ...LARGE_PLAN, variant: 'two' })) {
      await writeFile(join(folder, file.name), file.text);
    }
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  async function storeWithFirstPlan(): Promise<{ store: Store; prefix: string }> {
    const prefix = uniqueTablePrefix('crash');
    const store = await createTablesStore({
      connection: { connectionString },
      tablePrefix: prefix,
    });
    const first = readCsvWorkbook(generatePlanWorkbook({ ...LARGE_PLAN, variant: 'one' }));
    const applied = await importHarness(store).importer.apply({
      actor: ADMIN,
      workbook: first,
      programmeId: PROGRAMME,
    });
    expect(applied.ok && applied.value.written).toBe(true);
    return { store, prefix };
  }

  /** Rows of a plan version newer than the active one: the import's work in progress. */
  async function newPlanRows(prefix: string, atLeast: number): Promise<boolean> {
    const programmes = TableClient.fromConnectionString(connectionString, `${prefix}programmes`, {
      allowInsecureConnection: true,
    });
    const active = String(
      (await programmes.getEntity('programme', codeKey(PROGRAMME))).activeVersion,
    );
    const plans = TableClient.fromConnectionString(connectionString, `${prefix}plans`, {
      allowInsecureConnection: true,
    });
    const key = codeKey(PROGRAMME);
    const filter = `PartitionKey gt '${key}|${active}|~' and PartitionKey lt '${key}|~'`;
    let count = 0;
    const pages = plans
      .listEntities({ queryOptions: { filter, select: ['PartitionKey'] } })
      .byPage();
    for await (const page of pages) {
      count += page.length;
      if (count >= atLeast) return true;
    }
    return false;
  }

  it.each([
    ['as the first rows of the new plan are written', 1],
    ['half-way through writing the new plan', 1500],
  ])('leaves the previous plan whole when killed %s', async (_when, rows) => {
    const { store, prefix } = await storeWithFirstPlan();
    const before = await snapshot(store, PROGRAMME);
    const env = {
      IMPORT_CONNECTION_STRING: connectionString,
      IMPORT_TABLE_PREFIX: prefix,
      IMPORT_FOLDER: folder,
      IMPORT_PROGRAMME: PROGRAMME,
    };
    const child = startChild(env, () => newPlanRows(prefix, rows));
    await child.killed;
    expect(await child.exited).toBe('SIGKILL');
    expect(child.output()).not.toContain('done');

    const reopened = await createTablesStore({
      connection: { connectionString },
      tablePrefix: prefix,
    });
    expect(await snapshot(reopened, PROGRAMME)).toEqual(before);

    // The import can simply be run again, and then the new plan is in place.
    const again = await importHarness(reopened).importer.apply({
      actor: ADMIN,
      workbook: readCsvWorkbook(generatePlanWorkbook({ ...LARGE_PLAN, variant: 'two' })),
      programmeId: PROGRAMME,
    });
    expect(again.ok && again.value.written).toBe(true);
    expect((await reopened.actions.get(PROGRAMME, 'W3-3'))?.value.title).toBe(
      'Action 3 (two): deliver the improvement',
    );
  });
});
