import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorLines,
  freePort,
  healthOnceUp,
  spawnNode,
  type ServiceProcess,
} from '../support/service-process.js';

const SAMPLE = 'samples/thurrock-wsoa';
const PROGRAMME = 'thurrock-wsoa';

async function runAdmin(env: Record<string, string>, ...args: string[]): Promise<string> {
  const cli = spawnNode({ args: ['--import', 'tsx', 'scripts/admin.ts', ...args], env });
  const code = await cli.exited;
  if (code !== 0)
    throw new Error(`npm run admin -- ${args.join(' ')} exited ${code}:\n${cli.output()}`);
  return cli.output();
}

async function reportStatus(url: string): Promise<number> {
  const response = await fetch(`${url}/report/${PROGRAMME}`);
  await response.arrayBuffer();
  return response.status;
}

describe('one storage process per data folder', () => {
  let folder: string;
  const started: ServiceProcess[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'one-storage-'));
  });
  afterAll(async () => {
    for (const process of started) process.kill();
    await rm(folder, { recursive: true, force: true });
  });

  it('lets the admin CLI import while the bot runs: one Azurite, the bot sees the import at once, nothing is lost over a restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      AZURITE_LOCATION: folder,
      SCHEDULER: 'off',
      LOG_FORMAT: 'json',
    };
    const bot = spawnNode({ env });
    started.push(bot);
    expect((await healthOnceUp(url, bot)).status).toBe(200);
    expect(await reportStatus(url)).toBe(404);
    const lock = await readFile(join(folder, 'azurite.lock.json'), 'utf8');

    const imported = await runAdmin({ AZURITE_LOCATION: folder }, 'import', SAMPLE);
    expect(imported).toContain('Imported: the plan is now in place.');

    // Within the read cache's time to live (5 s by default), and in practice at once.
    await expect.poll(() => reportStatus(url), { timeout: 10_000, interval: 250 }).toBe(200);
    // The CLI used the bot's Azurite: it started no second one and left it running.
    const azuriteLog = await readFile(join(folder, 'azurite.log'), 'utf8');
    expect(azuriteLog.match(/is starting on/g)).toHaveLength(1);
    expect(await readFile(join(folder, 'azurite.lock.json'), 'utf8')).toBe(lock);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // What the CLI sees is what the bot has: importing the same workbook again changes nothing.
    const again = await runAdmin({ AZURITE_LOCATION: folder }, 'import', SAMPLE, '--dry-run');
    expect(again).toContain('No changes: the stored plan is already the same as this workbook.');

    process.kill(bot.pid, 'SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(errorLines(bot.output())).toEqual([]);

    const restarted = spawnNode({ env });
    started.push(restarted);
    expect((await healthOnceUp(url, restarted)).status).toBe(200);
    expect(await reportStatus(url)).toBe(200);
    process.kill(restarted.pid, 'SIGTERM');
    expect(await restarted.exited).toBe(0);
  }, 240_000);
});
