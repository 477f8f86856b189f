import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestChannel,
  testUser,
  type TestChannel,
} from '../support/test-channel/test-channel.js';
import { gzipBomb, rawPost, rssMbOf, stalledPost } from './support/raw-http.js';

const SERVER = fileURLToPath(new URL('./support/bot-process.ts', import.meta.url));
const sender = testUser('Pat Probe', 'pat.probe@council.example');
const CONCURRENT = 8;
const BODY_KIB = 250;
const ALLOWED_GROWTH_MB = 50;

/** Starts the server in its own process; resolves once it says where it listens. */
function startServerProcess(env: Record<string, string>): Promise<{
  child: ChildProcess;
  url: string;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening (\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The server exited (${code}): ${output}`)));
  });
}

/** Samples the process's RSS every 10 ms while `work` runs; returns the highest seen. */
async function peakRssDuring(pid: number, work: Promise<unknown>): Promise<number> {
  let peak = rssMbOf(pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssMbOf(pid));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  try {
    await work;
  } finally {
    running = false;
    await sampler;
  }
  return Math.max(peak, rssMbOf(pid));
}

describe('memory before the token is checked, in a server process of its own', () => {
  let channel: TestChannel;
  let server: { child: ChildProcess; url: string };
  let pid: number;
  let baselineMb: number;

  beforeAll(async () => {
    channel = await startTestChannel();
    server = await startServerProcess(channel.botEnv());
    pid = server.child.pid ?? 0;
    // One real message first, so the baseline includes everything a first request loads.
    const warmUp = channel.message('hello', sender, 'personal');
    expect((await channel.send(server.url, warmUp)).status).toBe(200);
    await channel.waitFor((call) => call.activityId === warmUp.id);
    baselineMb = rssMbOf(pid);
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    await channel?.stop();
  });

  it(`refuses ${CONCURRENT} concurrent ${BODY_KIB} KB gzip bodies unread, with RSS within ${ALLOWED_GROWTH_MB} MB`, async () => {
    const bomb = await gzipBomb(BODY_KIB);
    expect(bomb.length).toBeGreaterThan(200 * 1024);
    expect(bomb.length).toBeLessThan(256 * 1024);
    const activities = Array.from({ length: CONCURRENT }, (_, i) =>
      channel.message(`bomb ${i}`, sender, 'personal'),
    );
    const sends = Promise.all(
      activities.map(async (activity) =>
        rawPost(
          `${server.url}/api/messages`,
          { ...(await channel.signedHeaders(activity)), 'content-encoding': 'gzip' },
          bomb,
        ),
      ),
    );
    const peakMb = await peakRssDuring(pid, sends);
    const answers = await sends;

    expect(answers.map((answer) => answer.status)).toEqual(Array(CONCURRENT).fill(415));
    expect(JSON.parse(answers[0]?.body ?? '{}')).toMatchObject({
      error: { code: 'UNSUPPORTED_ENCODING' },
    });
    expect(activities.some((a) => channel.sent.some((c) => c.activityId === a.id))).toBe(false);
    process.stdout.write(
      `pre-auth gzip: baseline ${baselineMb.toFixed(1)} MB, peak ${peakMb.toFixed(1)} MB, growth ${(peakMb - baselineMb).toFixed(1)} MB\n`,
    );
    expect(peakMb - baselineMb).toBeLessThan(ALLOWED_GROWTH_MB);
  });

  it(`holds ${CONCURRENT} stalled ${BODY_KIB} KB bodies within ${ALLOWED_GROWTH_MB} MB and cuts them off itself`, async () => {
    const activity = channel.message('slow', sender, 'personal');
    const headers = await channel.signedHeaders(activity);
    // Each promises 250 KB and sends 200 KB, then nothing: only the server's timeout ends it.
    const stalled = Array.from({ length: CONCURRENT }, () =>
      stalledPost(`${server.url}/api/messages`, headers, BODY_KIB * 1024, 200 * 1024),
    );
    const ends = Promise.all(stalled.map((each) => each.ended));
    try {
      const peakMb = await peakRssDuring(pid, ends);
      const outcomes = await ends;
      // Node answers 408 to a request past its timeout; either way the server hung up first.
      for (const outcome of outcomes) {
        expect(outcome === 'closed' || outcome.status === 408).toBe(true);
      }
      expect(channel.sent.some((call) => call.activityId === activity.id)).toBe(false);
      process.stdout.write(
        `pre-auth stalled: baseline ${baselineMb.toFixed(1)} MB, peak ${peakMb.toFixed(1)} MB, growth ${(peakMb - baselineMb).toFixed(1)} MB\n`,
      );
      expect(peakMb - baselineMb).toBeLessThan(ALLOWED_GROWTH_MB);
    } finally {
      for (const each of stalled) each.abort();
    }
  });

  it('still answers a signed message afterwards', async () => {
    const activity = channel.message('still there?', sender, 'personal');
    expect((await channel.send(server.url, activity)).status).toBe(200);
    const reply = await channel.waitFor((call) => call.activityId === activity.id);
    expect(reply.body).toMatchObject({ text: 'You said: still there?' });
  });
});
