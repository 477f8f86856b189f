import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface ChatRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run chat` as a newcomer would, typing `lines`, and waits for it to finish. */
function runChat(lines: readonly string[], env: Record<string, string>): Promise<ChatRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chat.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  const limit = setTimeout(() => {
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, 200_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('npm run chat', () => {
  let dataFolder: string;

  beforeAll(async () => {
    dataFolder = await mkdtemp(join(tmpdir(), 'chat-test-'));
  });

  afterAll(async () => {
    await rm(dataFolder, { recursive: true, force: true });
  });

  it('shows a newcomer the sample programme when they type /status, then stops cleanly', async () => {
    const run = await runChat(['/status', '/status A4', ':quit'], {
      AZURITE_LOCATION: dataFolder,
    });

    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Loaded the sample plan.');
    expect(run.stdout).toContain('Thurrock SEND Written Statement of Action');
    expect(run.stdout).toMatch(/Blue \d+/);
    expect(run.stdout).toContain('Improve the accuracy and quality of records');
    expect(run.stdout).toMatch(/\[1\] Update A4/);
    expect(run.stdout).toContain('Stopping the bot and its storage');
  }, 240_000);
});
