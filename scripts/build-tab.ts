import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the service serves `/tab` from. */
export const TAB_OUT_DIR = `${root}dist/tab`;

/** Bundles the dashboard tab (TypeScript + teams-js) and copies its pages into dist/tab. */
export async function buildTab(): Promise<void> {
  // Chunk names carry content hashes: start clean so old chunks do not pile up.
  await rm(TAB_OUT_DIR, { recursive: true, force: true });
  await mkdir(TAB_OUT_DIR, { recursive: true });
  await build({
    entryPoints: [`${root}tab/main.ts`, `${root}tab/config-page.ts`],
    outdir: TAB_OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await Promise.all(
    ['index.html', 'config.html', 'tab.css'].map((f) =>
      copyFile(`${root}tab/${f}`, `${TAB_OUT_DIR}/${f}`),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildTab();
  console.log(
    `Built the tab into ${TAB_OUT_DIR} in ${Math.round(performance.now() - started)} ms.`,
  );
}
