import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type StoreLogger } from '../../src/store/open-store.js';
import { plan } from './contract/fixtures.js';

function recordingLogger(lines: string[]): StoreLogger {
  const record = (message: string, fields?: Readonly<Record<string, unknown>>) => {
    lines.push(fields ? `${message} ${JSON.stringify(fields)}` : message);
  };
  return { info: record, warn: record };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('opening storage with nothing configured', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'open-store-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('starts its own Azurite, reports healthy, and keeps data across a restart', async () => {
    const env = { AZURITE_LOCATION: join(folder, 'azurite') };
    const lines: string[] = [];
    const first = await openStore(env, recordingLogger(lines));
    try {
      expect(await first.healthy()).toBe(true);
      await first.store.plans.replace(plan('wsoa', { A: ['A1', 'A2'] }));
    } finally {
      await first.close();
    }
    expect(lines[0]).toMatch(
      /^No storage configured: started Azurite on 127\.0\.0\.1:\d+, data in /,
    );

    const second = await openStore(env, recordingLogger(lines));
    try {
      const listed = await second.store.actions.listByWorkstream('wsoa', 'A');
      expect(listed.map((action) => action.value.ref)).toEqual(['A1', 'A2']);
    } finally {
      await second.close();
    }
  });

  it('stops the Azurite it started when closed', async () => {
    const lines: string[] = [];
    const opened = await openStore({ AZURITE_LOCATION: folder }, recordingLogger(lines));
    await opened.close();
    const pid = Number(/"azuritePid":(\d+)/.exec(lines.join(' '))?.[1]);
    expect(lines.some((line) => line.startsWith('Stopped the embedded Azurite.'))).toBe(true);
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid)).toBe(false);
  });
});
