import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { DEFAULT_RULES, DEFAULT_TIME_ZONE } from '../../src/domain/programme.js';
import { azuriteConnectionString } from '../../src/store/embedded-azurite.js';
import { openStore } from '../../src/store/open-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

/** `npm start` as a fresh clone runs it: no settings but where to put the data. */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

async function healthOnceUp(url: string, started: Started): Promise<Response> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      return await fetch(`${url}/healthz`);
    } catch (error: unknown) {
      if (Date.now() > deadline) {
        throw new Error(`The bot did not answer: ${String(error)}\n${started.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function stop(started: Started): Promise<number | null> {
  if (started.child.pid !== undefined && started.child.exitCode === null) {
    process.kill(started.child.pid, 'SIGTERM');
  }
  return started.exited;
}

describe('npm start with no settings', () => {
  let dataFolder: string;
  const running: Started[] = [];

  beforeAll(async () => {
    dataFolder = await mkdtemp(join(tmpdir(), 'main-test-'));
  });

  afterAll(async () => {
    for (const started of running) {
      if (started.child.pid !== undefined && started.child.exitCode === null) {
        process.kill(started.child.pid, 'SIGKILL');
      }
    }
    await rm(dataFolder, { recursive: true, force: true });
  });

  it('serves /healthz with storage healthy, stops on SIGTERM, and keeps its data for the next start', async () => {
    const [port, azuritePort] = await Promise.all([freePort(), freePort()]);
    const env = {
      PORT: String(port),
      AZURITE_LOCATION: dataFolder,
      AZURITE_PORT: String(azuritePort),
    };
    const url = `http://127.0.0.1:${port}`;

    const first = startMain(env);
    running.push(first);
    const health = await healthOnceUp(url, first);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: { healthy: true } });

    const direct = await openStore(
      { AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString('127.0.0.1', azuritePort) },
      silentLogger,
    );
    await direct.store.programmes.save({
      id: 'kept',
      name: 'A programme that must survive a restart',
      timeZone: DEFAULT_TIME_ZONE,
      periods: [],
      rules: DEFAULT_RULES,
    });
    await direct.close();

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('Stopped cleanly.');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const second = startMain(env);
    running.push(second);
    expect((await healthOnceUp(url, second)).status).toBe(200);
    const again = await openStore(
      { AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString('127.0.0.1', azuritePort) },
      silentLogger,
    );
    expect(await again.store.programmes.get('kept')).toMatchObject({
      name: 'A programme that must survive a restart',
    });
    await again.close();
    expect(await stop(second)).toBe(0);
  }, 360_000);
});
