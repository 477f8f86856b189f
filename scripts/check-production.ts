/**
 * `npm run check:production` (CI runs it): stages the production install in a temporary
 * folder, checks that it holds no development package and no old axios, tough-cookie or
 * xml2js, starts Azurite separately, starts `node dist/main.js` from the staged folder against
 * it, and checks /healthz and a clean stop. Prints the figures it measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import { stageProduction } from './stage-production.js';

const DEV_ONLY = ['tsx', 'esbuild', 'vitest', 'azurite', 'typescript', '@microsoft/teams-js'];
/** Oldest versions allowed in production: older ones carry known vulnerabilities. */
const MINIMUM_MAJOR_MINOR: Record<string, readonly [number, number]> = {
  axios: [1, 0],
  'tough-cookie': [4, 0],
  xml2js: [0, 5],
};

function fail(message: string): never {
  throw new Error(message);
}

async function check(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'action-tracker-production-'));
  try {
    await stageProduction({ folder, forThisMachine: true });
    for (const name of DEV_ONLY) {
      if (existsSync(join(folder, 'node_modules', name)))
        fail(`${name} is in the production install.`);
    }
    const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable', '--long'], {
      cwd: folder,
      encoding: 'utf8',
    });
    const packages = ls.stdout.split('\n').filter((line) => line.includes('node_modules'));
    for (const line of packages) {
      const id = line.slice(line.lastIndexOf(':') + 1);
      const at = id.lastIndexOf('@');
      const name = id.slice(0, at);
      const minimum = MINIMUM_MAJOR_MINOR[name];
      if (!minimum) continue;
      const [major = 0, minor = 0] = id
        .slice(at + 1)
        .split('.')
        .map(Number);
      if (major < minimum[0] || (major === minimum[0] && minor < minimum[1])) {
        fail(`${id} is in the production tree; it must be at least ${minimum.join('.')}.`);
      }
      console.log(`production tree: ${id}`);
    }
    console.log(
      `production install: ${new Set(packages.map((l) => l.split(':')[1])).size} packages, none of ${DEV_ONLY.join(', ')}`,
    );

    const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
    try {
      await runBuilt(folder, azurite.connectionString);
    } finally {
      await azurite.stop();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function runBuilt(folder: string, connectionString: string): Promise<void> {
  const port = 39_000 + Math.floor(Math.random() * 1_000);
  const started = performance.now();
  const service = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/main.js'], {
    cwd: folder,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(port),
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: 'prodcheck',
      SCHEDULER: 'off',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  service.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  service.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      if (answer?.status === 200) break;
      if (Date.now() > deadline || service.exitCode !== null)
        fail(`/healthz did not answer 200:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const status = await readFile(`/proc/${String(service.pid)}/status`, 'utf8').catch(() => '');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    console.log(
      `node dist/main.js answered /healthz 200 after ${Math.round(performance.now() - started)} ms` +
        (rss ? `, RSS ${Math.round(Number(rss) / 1024)} MB` : ''),
    );
  } finally {
    service.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0) fail(`The service exited with ${String(code)} on SIGTERM:\n${output}`);
  if (/"level":"error"/.test(output)) fail(`The service logged an error:\n${output}`);
  console.log('Stopped cleanly on SIGTERM.');
}

await check();
