/**
 * `npm run stage`: what App Service runs, in one folder (`.deploy/` by default): the build
 * (dist/), the card templates, package.json and the lock file, and the production packages
 * only (`npm ci --omit=dev`), installed for App Service's Linux x64 whatever machine stages it,
 * so native packages (the chart renderer) fit the server. The Agents Toolkit and
 * `az webapp deploy` upload this folder; the server builds nothing.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTab } from './build-tab.js';
import { buildService } from './build.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the service reads at run time, besides node_modules. */
export const RUNTIME_FILES = ['dist', 'cards', 'package.json', 'package-lock.json'] as const;

export interface StageOptions {
  /** Where to put it; emptied first. */
  readonly folder: string;
  /** Install for the machine running this instead of App Service (the CI check runs it here). */
  readonly forThisMachine?: boolean;
}

export async function stageProduction(options: StageOptions): Promise<void> {
  await buildService();
  await buildTab();
  await rm(options.folder, { recursive: true, force: true });
  await mkdir(options.folder, { recursive: true });
  for (const name of RUNTIME_FILES) {
    await cp(join(root, name), join(options.folder, name), {
      recursive: true,
      // The Teams app package is uploaded to Teams, not served.
      filter: (source) => !source.endsWith('.zip'),
    });
  }
  const platform = options.forThisMachine ? [] : ['--os=linux', '--cpu=x64', '--libc=glibc'];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = spawnSync(
    npm,
    ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', ...platform],
    { cwd: options.folder, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (installed.status !== 0) {
    throw new Error(
      `npm ci --omit=dev failed in ${options.folder} (exit ${String(installed.status)}).`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = join(root, process.argv[2] ?? '.deploy');
  await stageProduction({ folder });
  console.log(`Staged the production service in ${folder}: upload this folder to App Service.`);
}
