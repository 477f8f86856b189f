import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { LOCK_FILE, openSharedAzurite } from '../../src/store/shared-azurite.js';
import { spawnNode } from '../support/service-process.js';
import { plan } from './contract/fixtures.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The id of a process that has come and gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('the embedded Azurite, shared by every process on one data folder', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'shared-azurite-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives a second opener the running one: same data at once, and closing the second leaves it running', async () => {
    const env = { AZURITE_LOCATION: folder };
    const first = await openStore(env, silentLogger);
    const lock = JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')) as {
      azuritePid: number;
    };
    const second = await openStore(env, silentLogger);
    try {
      await first.store.plans.replace(plan('wsoa', { A: ['A1', 'A2'] }));
      const seen = await second.store.actions.listByWorkstream('wsoa', 'A');
      expect(seen.map((action) => action.value.ref)).toEqual(['A1', 'A2']);
      await second.close();
      expect(await first.healthy()).toBe(true);
    } finally {
      await first.close();
    }
    expect(isRunning(lock.azuritePid)).toBe(false);
    await expect(readFile(join(folder, LOCK_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('takes over a lock left by a process that has gone', async () => {
    const gone = await deadPid();
    await writeFile(
      join(folder, LOCK_FILE),
      JSON.stringify({
        ownerPid: gone,
        startedAt: '2026-01-01T00:00:00Z',
        azuritePid: gone,
        host: '127.0.0.1',
        port: 1,
      }),
    );
    const azurite = await openSharedAzurite({ location: folder });
    try {
      expect(azurite.started).toBe(true);
      expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({
        ownerPid: process.pid,
        port: azurite.port,
      });
    } finally {
      await azurite.close();
    }
  });

  it('refuses, saying what to do, when the folder belongs to a live process whose storage does not answer', async () => {
    await writeFile(
      join(folder, LOCK_FILE),
      JSON.stringify({
        ownerPid: process.ppid,
        startedAt: '2026-01-01T00:00:00Z',
        azuritePid: process.ppid,
        host: '127.0.0.1',
        port: 1,
      }),
    );
    await expect(openSharedAzurite({ location: folder, waitMs: 500 })).rejects.toThrow(
      `The storage in ${folder} belongs to process ${process.ppid} (Azurite on port 1), which is running but whose storage does not answer. Stop that process and start again, or set AZURITE_LOCATION to another folder. If no Action Tracker is running, delete ${join(folder, LOCK_FILE)}.`,
    );
  });

  it('saves and stops when the process that started it is killed outright, so the data is there next time', async () => {
    const script = `
      import { openStore } from './src/store/open-store.ts';
      import { plan } from './tests/store/contract/fixtures.ts';
      const opened = await openStore({ AZURITE_LOCATION: process.env.FOLDER }, { info() {}, warn() {} });
      await opened.store.plans.replace(plan('kept', { A: ['A1'] }));
      process.stdout.write('written\\n');
      setInterval(() => {}, 1000);
    `;
    const owner = spawnNode({
      args: ['--import', 'tsx', '--input-type=module', '-e', script],
      env: { FOLDER: folder },
    });
    await expect.poll(() => owner.output(), { timeout: 60_000 }).toContain('written');
    const lock = JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8')) as {
      azuritePid: number;
    };
    process.kill(owner.pid, 'SIGKILL');
    await owner.exited;
    await expect.poll(() => isRunning(lock.azuritePid), { timeout: 20_000 }).toBe(false);

    const next = await openStore({ AZURITE_LOCATION: folder }, silentLogger);
    try {
      const kept = await next.store.actions.listByWorkstream('kept', 'A');
      expect(kept.map((action) => action.value.ref)).toEqual(['A1']);
    } finally {
      await next.close();
    }
  }, 180_000);
});
