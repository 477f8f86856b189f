import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import type { EmbeddedAzurite } from '../../src/store/embedded-azurite.js';
import { openStore } from '../../src/store/open-store.js';
import { plan } from '../store/contract/fixtures.js';
import { startTestAzurite } from '../support/azurite.js';
import { spawnNode } from '../support/service-process.js';

async function run(env: Record<string, string>, ...args: string[]): Promise<string> {
  const cli = spawnNode({ args: ['--import', 'tsx', 'scripts/backup.ts', ...args], env });
  const code = await cli.exited;
  if (code !== 0) throw new Error(`backup ${args.join(' ')} exited ${code}:\n${cli.output()}`);
  return cli.output();
}

describe('npm run backup', () => {
  let source: EmbeddedAzurite;
  let target: EmbeddedAzurite;
  let folder: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([startTestAzurite(), startTestAzurite()]);
    folder = await mkdtemp(join(tmpdir(), 'backup-'));
  });
  afterAll(async () => {
    await Promise.all([source.stop(), target.stop()]);
    await rm(folder, { recursive: true, force: true });
  });

  it('copies every table of the installation out, and a restore into empty storage gives the same data back', async () => {
    const from = { AZURE_STORAGE_CONNECTION_STRING: source.connectionString, TABLE_PREFIX: 'bk' };
    const to = { AZURE_STORAGE_CONNECTION_STRING: target.connectionString, TABLE_PREFIX: 'bk' };
    const original = await openStore(from, silentLogger);
    await original.store.plans.replace(plan('wsoa', { A: ['A1', 'A2'], B: ['B1'] }));
    await original.close();

    expect(await run(from, '--out', folder)).toMatch(/Backed up \d+ rows of the "bk" tables/);
    expect(await run(to, '--restore', folder)).toMatch(/Restored \d+ rows/);

    const restored = await openStore(to, silentLogger);
    try {
      const a = await restored.store.actions.listByWorkstream('wsoa', 'A');
      const b = await restored.store.actions.listByWorkstream('wsoa', 'B');
      expect(a.map((action) => action.value.ref)).toEqual(['A1', 'A2']);
      expect(b.map((action) => action.value.ref)).toEqual(['B1']);
    } finally {
      await restored.close();
    }
  }, 180_000);
});
