import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { openStore } from '../../src/store/open-store.js';
import {
  errorLines,
  freePort,
  healthOnceUp,
  spawnNode,
  type ServiceProcess,
} from '../support/service-process.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalIfRunning(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

async function fileExists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

describe('stopping the service', () => {
  const folders: string[] = [];
  const started: ServiceProcess[] = [];
  afterAll(async () => {
    for (const process of started) process.kill();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s sent twice to its process group (as Docker, systemd and Ctrl+C do): exits 0 with no ERROR line, lease released, storage stopped last',
    async (signal) => {
      const folder = await mkdtemp(join(tmpdir(), 'clean-stop-'));
      folders.push(folder);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const service = spawnNode({
        env: {
          PORT: String(port),
          AZURITE_LOCATION: folder,
          LOG_FORMAT: 'json',
          // Every second, so the lease is held when the signal comes.
          SCHEDULER_CRON: '* * * * * *',
        },
        detached: true,
      });
      started.push(service);
      expect((await healthOnceUp(url, service)).status).toBe(200);
      // Through the service's own Azurite (the folder's lock leads there): the service holds
      // its instance lease, by which other instances share the programmes' sending with it.
      const probe = await openStore({ AZURITE_LOCATION: folder }, silentLogger);
      try {
        await expect
          .poll(async () => (await probe.store.leases.listLive('instance|', new Date())).length, {
            timeout: 30_000,
            interval: 500,
          })
          .toBe(1);
      } finally {
        await probe.close();
      }
      const lock = JSON.parse(await readFile(join(folder, 'azurite.lock.json'), 'utf8')) as {
        azuritePid: number;
      };
      expect(isRunning(lock.azuritePid)).toBe(true);

      // Both at once, as a process group receives them; then again while it stops. Signals of
      // one kind sent together merge into one, and a stop takes only tens of milliseconds, so
      // the repeat goes every few milliseconds from the first, until it is noted or the
      // process has gone.
      const again = `Received ${signal} again; already stopping.`;
      let gone = false;
      void service.exited.then(() => {
        gone = true;
      });
      process.kill(-service.pid, signal);
      process.kill(-service.pid, signal);
      while (!gone && !service.output().includes(again)) {
        if (!signalIfRunning(service.pid, signal)) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(await service.exited).toBe(0);

      const output = service.output();
      expect(errorLines(output)).toEqual([]);
      expect(output).toContain('Stopped cleanly.');
      expect(output).toContain(`Received ${signal}: refusing new requests`);
      expect(output).toContain(again);
      expect(isRunning(lock.azuritePid)).toBe(false);
      expect(await fileExists(join(folder, 'azurite.lock.json'))).toBe(false);

      // Another instance takes over at once: the lease was let go, not left to expire.
      const storage = await openStore({ AZURITE_LOCATION: folder }, silentLogger);
      try {
        expect(await storage.store.leases.listLive('instance|', new Date())).toEqual([]);
      } finally {
        await storage.close();
      }
    },
    180_000,
  );
});
