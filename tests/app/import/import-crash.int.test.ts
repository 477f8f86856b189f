import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCsvWorkbook, type CsvFile } from '../../../src/app/import/read-csv.js';
import { codeKey } from '../../../src/store/keys.js';
import { pendingOf } from '../../../src/store/tables-plan-promotion.js';
import { createTablesStore, tableClient } from '../../../src/store/tables-store.js';
import type { Store } from '../../../src/store/store.js';
import { generatePlanWorkbook, LARGE_PLAN } from '../../fixtures/generate-plan-workbook.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { ADMIN, importHarness, snapshot } from './import-harness.js';

const PROGRAMME = 'big';

/** The changed plan: new titles and role holders everywhere, and a new rating for every tenth action. */
function secondWorkbook(): CsvFile[] {
  return generatePlanWorkbook({ ...LARGE_PLAN, variant: 'two' }).map((file) => {
    if (file.name !== 'ratings.csv') return file;
    const extra = Array.from({ length: LARGE_PLAN.actions / 10 }, (_, i) => {
      const a = i * 10;
      return `\n"W${a % LARGE_PLAN.workstreams}-${a}","Apr 2021","Blue","Done in Apr 2021."`;
    });
    return { ...file, text: file.text + extra.join('') };
  });
}
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
    for (const file of secondWorkbook()) {
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

  function reopen(prefix: string): Promise<Store> {
    return createTablesStore({ connection: { connectionString }, tablePrefix: prefix });
  }

  /** Runs the second import in a child process and kills it once `killWhen` is true. */
  async function killImport(prefix: string, killWhen: () => Promise<boolean>): Promise<void> {
    const env = {
      IMPORT_CONNECTION_STRING: connectionString,
      IMPORT_TABLE_PREFIX: prefix,
      IMPORT_FOLDER: folder,
      IMPORT_PROGRAMME: PROGRAMME,
    };
    const child = startChild(env, killWhen);
    await child.killed;
    expect(await child.exited).toBe('SIGKILL');
    expect(child.output()).not.toContain('done');
  }

  async function programmeRow(prefix: string) {
    return table(prefix, 'programmes').getEntity('programme', codeKey(PROGRAMME));
  }

  /** The new plan's role holders are written: to the live roles, or staged with its version. */
  async function newRolesWritten(prefix: string): Promise<boolean> {
    const live = await table(prefix, 'roles').getEntity(codeKey(PROGRAMME), 'R0');
    if (String(live.json).includes('.two@')) return true;
    const key = codeKey(PROGRAMME);
    const after = `${key}|${await activeVersion(prefix)}|~`;
    const filter = `PartitionKey gt '${after}' and PartitionKey lt '${key}|~'`;
    const rows = table(prefix, 'plans').listEntities({
      queryOptions: { filter, select: ['PartitionKey'] },
    });
    for await (const page of rows.byPage({ maxPageSize: 1 })) {
      const version = page[0]?.partitionKey?.split('|')[1];
      if (version === undefined) return false;
      const staged = table(prefix, 'plans').listEntities({
        queryOptions: { filter: `PartitionKey eq '${key}|${version}|roles'` },
      });
      for await (const found of staged.byPage({ maxPageSize: 1 })) return found.length > 0;
    }
    return false;
  }

  function table(prefix: string, name: string): TableClient {
    return tableClient({ connection: { connectionString }, tablePrefix: prefix }, name);
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
    await killImport(prefix, () => newPlanRows(prefix, rows));

    const reopened = await reopen(prefix);
    expect(await snapshot(reopened, PROGRAMME)).toEqual(before);

    // The import can simply be run again, and then the new plan is in place.
    const again = await importHarness(reopened).importer.apply({
      actor: ADMIN,
      workbook: readCsvWorkbook(secondWorkbook()),
      programmeId: PROGRAMME,
    });
    expect(again.ok && again.value.written).toBe(true);
    expect((await reopened.actions.get(PROGRAMME, 'W3-3'))?.value.title).toBe(
      'Action 3 (two): deliver the improvement',
    );
  });

  it('leaves the previous roles and history exactly as they were when killed as new roles are written', async () => {
    const { store, prefix } = await storeWithFirstPlan();
    const before = await snapshot(store, PROGRAMME);
    const roles = await store.roles.list(PROGRAMME);
    const version = await activeVersion(prefix);
    await killImport(prefix, () => newRolesWritten(prefix));
    // Killed before the switch: otherwise this would test the case below.
    expect(await activeVersion(prefix)).toBe(version);

    const reopened = await reopen(prefix);
    const after = await reopened.roles.list(PROGRAMME);
    expect(after.map((r) => [r.code, r.person, r.deputy])).toEqual(
      roles.map((r) => [r.code, r.person, r.deputy]),
    );
    expect(await reopened.roles.rolesOf('person0.two@council.example')).toEqual([]);
    expect(await snapshot(reopened, PROGRAMME)).toEqual(before);
  });

  it('ends with the new plan whole, roles and ratings too, when killed right after the switch', async () => {
    const { prefix } = await storeWithFirstPlan();
    const version = await activeVersion(prefix);
    await killImport(prefix, async () => (await activeVersion(prefix)) !== version);
    // Killed before its roles and ratings were promoted, so opening the store must finish it.
    expect(pendingOf(await programmeRow(prefix))).not.toBeNull();

    const reopened = await reopen(prefix);
    expect(pendingOf(await programmeRow(prefix))).toBeNull();
    const preview = await importHarness(reopened).importer.preview({
      actor: ADMIN,
      workbook: readCsvWorkbook(secondWorkbook()),
      programmeId: PROGRAMME,
    });
    expect(preview.ok && preview.value.unchanged).toBe(true);
    expect((await reopened.roles.get(PROGRAMME, 'R3'))?.person).toBe('person3.two@council.example');
    expect(await reopened.roles.rolesOf('person0.two@council.example')).toEqual([
      { programmeId: PROGRAMME, role: 'R0', as: 'person' },
    ]);
    const history = await reopened.actions.history(PROGRAMME, 'W0-0');
    expect(history.map((u) => [u.periodId, u.rating])).toEqual([
      ['Apr 2021', 'Blue'],
      ['Jan 2021', 'Amber'],
      ['Oct 2020', 'Red'],
    ]);
    expect((await reopened.actions.get(PROGRAMME, 'W0-0'))?.value.current?.rating).toBe('Blue');
  });
});
