/**
 * `npm run bench [name…]`: runs each bench/<name>.bench.ts module's exported `run()` (all of
 * them when no name is given), one after another so they do not disturb each other's timings,
 * and writes what each returns to bench/results/<name>.json.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

interface BenchModule {
  run(): unknown;
}

function isBenchModule(value: unknown): value is BenchModule {
  return (
    typeof value === 'object' && value !== null && 'run' in value && typeof value.run === 'function'
  );
}

async function main(wanted: readonly string[]): Promise<void> {
  const available = (await readdir(here))
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `No benchmark called ${unknown.join(', ')}. There are: ${available.join(', ')}.`,
    );
  }
  const names = wanted.length > 0 ? wanted : available;
  await mkdir(join(here, 'results'), { recursive: true });
  for (const name of names) {
    const module: unknown = await import(pathToFileURL(join(here, `${name}${SUFFIX}`)).href);
    if (!isBenchModule(module))
      throw new Error(`bench/${name}${SUFFIX} exports no run() function.`);
    console.log(`Running the ${name} benchmark…`);
    const started = performance.now();
    const figures = await module.run();
    const file = join(here, 'results', `${name}.json`);
    await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${name}: done in ${seconds} s, figures in bench/results/${name}.json`);
    console.log(JSON.stringify(figures, null, 2));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
