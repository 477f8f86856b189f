/**
 * `npm run build`: the service, compiled file by file from src/ into dist/ (so each module's
 * paths to cards/, package.json and dist/tab stay as they are in src/), and the dashboard tab
 * bundled into dist/tab. `node dist/main.js` then needs no development package. Types are
 * checked by `npm run typecheck`, not here, so a build takes a second.
 */
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildTab } from './build-tab.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Options for {@link buildService}. */
export interface BuildServiceOptions {
  /** Folder directly under the project, so the modules' relative paths hold. Default `dist`. */
  readonly outdir?: string;
}

/** Compiles src/ into the output folder, replacing what an earlier build left there. */
export async function buildService(options: BuildServiceOptions = {}): Promise<string> {
  const outdir = join(root, options.outdir ?? 'dist');
  if (relative(root, join(outdir, '..')) !== '') {
    throw new Error(`The build must go to a folder directly under ${root}; ${outdir} is not.`);
  }
  const sources = await readdir(join(root, 'src'), { recursive: true, withFileTypes: true });
  const entryPoints = sources
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
  // Only what src/ compiles to: dist/tab and the Teams app package have their own builds.
  for (const entry of await readdir(join(root, 'src'), { withFileTypes: true })) {
    await rm(join(outdir, entry.isFile() ? entry.name.replace(/\.ts$/, '.js') : entry.name), {
      recursive: true,
      force: true,
    });
  }
  await build({
    entryPoints,
    outbase: join(root, 'src'),
    outdir,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outdir = await buildService();
  await buildTab();
  console.log(
    `Built the service into ${outdir} and the tab into ${join(outdir, 'tab')} in ${Math.round(performance.now() - started)} ms.`,
  );
}
