import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/app/clock.js';
import { createExportUseCase } from '../src/app/export/export.use-case.js';
import { boardPackFile } from '../src/render/board-pack/board-pack.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { runCli } from './run-cli.js';

const USAGE =
  'Usage: npm run export -- --out pack.xlsx [--programme <id>]\n' +
  'Writes the board pack (the BRAG grid, a sheet per workstream and the ratings) of a programme.';

/** The programme asked for, or the only one there is; otherwise a sentence saying what to do. */
async function chooseProgramme(store: Store, asked: string | undefined): Promise<string | Error> {
  if (asked !== undefined) return asked;
  const all = await store.programmes.list();
  const [only] = all;
  if (all.length === 1 && only) return only.id;
  if (all.length === 0) {
    return new Error('There is no programme yet: import a plan first (npm run admin -- import).');
  }
  const ids = all.map((p) => `${p.id} (${p.name})`).join(', ');
  return new Error(`There are ${all.length} programmes: add --programme with one of ${ids}.`);
}

/** `npm run export -- --out pack.xlsx [--programme wsoa]`, on the storage the bot uses. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: 'string' }, programme: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help === true || values.out === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return values.help === true ? 0 : 2;
  }
  const storage = await openStore(process.env, {
    info: () => undefined,
    warn: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    const programmeId = await chooseProgramme(storage.store, values.programme);
    if (programmeId instanceof Error) {
      process.stderr.write(`${programmeId.message}\n`);
      return 1;
    }
    const result = await createExportUseCase({ ...storage.store, clock: systemClock }).boardPack(
      programmeId,
    );
    if (!result.ok) {
      process.stderr.write(
        `There is no programme "${programmeId}". Leave out --programme to see the ones there are.\n`,
      );
      return 1;
    }
    const path = resolve(values.out);
    await writeFile(path, (await boardPackFile(result.value)).bytes);
    const { actions, periods } = result.value;
    process.stdout.write(
      `Wrote ${path}: the board pack of ${programmeId}, ${actions} actions over ${periods} periods.\n`,
    );
    return 0;
  } finally {
    await storage.close();
  }
}

runCli(main);
