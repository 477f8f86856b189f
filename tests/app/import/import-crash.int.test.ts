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

  function table(prefix: string, name: string): TableClient {
    return TableClient.fromConnectionString(connectionString, `${prefix}${name}`, {
      allowInsecureConnection: true,
    });
  }

  async function countRows(prefix: string, filter: string, atLeast = Infinity): Promise<number> {
    let count = 0;
    const query = { filter, select: ['PartitionKey'] };
    for await (const page of table(prefix, 'plans')
      .listEntities({ queryOptions: query })
      .byPage()) {
      count += page.length;
      if (count >= atLeast) break;
    }
    return count;
  }

  /** The plan version readers see: rows of any other version are an import's work in progress. */
  async function activeVersion(prefix: string): Promise<string> {
    const row = await table(prefix, 'programmes').getEntity('programme', codeKey(PROGRAMME));
    return String(row.activeVersion);
  }

  /** How many plan rows one import writes: those of the active version. */
  async function rowsPerImport(prefix: string): Promise<number> {
    const active = `${codeKey(PROGRAMME)}|${await activeVersion(prefix)}|`;
    return countRows(prefix, `PartitionKey ge '${active}' and PartitionKey lt '${active}~'`);
  }

  /** True once at least `atLeast` rows of a newer plan version than the active one exist. */
  async function newPlanRows(prefix: string, atLeast: number): Promise<boolean> {
    const key = codeKey(PROGRAMME);
    const after = `${key}|${await activeVersion(prefix)}|~`;
    const filter = `PartitionKey gt '${after}' and PartitionKey lt '${key}|~'`;
    return (await countRows(prefix, filter, atLeast)) >= atLeast;
  }

  it.each([
    ['as the first rows of the new plan are written', 0],
    ['half-way through writing the new plan', 0.5],
  ])('leaves the previous plan whole when killed %s', async (_when, fraction) => {
    const { store, prefix } = await storeWithFirstPlan();
    const rows = Math.max(1, Math.floor((await rowsPerImport(prefix)) * fraction));
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
