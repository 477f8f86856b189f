import { ActivityHandler } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/app/logger.js';
import { createEchoBot } from '../../src/server/echo-bot.js';
import { startBot } from '../support/start-bot.js';
import { startTestChannel, testUser } from '../support/test-channel/test-channel.js';

const lead = testUser('Lee Lead', 'lee.lead@thurrock.example');

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

describe('the server', () => {
  it('serves only the tenants in ALLOWED_TENANTS, matching them in any case', async () => {
    const channel = await startTestChannel({ tenantId: 'thurrock-tenant' });
    const elsewhere = await startBot({
      env: { ...channel.botEnv(), ALLOWED_TENANTS: 'essex-tenant, kent-tenant' },
      bot: createEchoBot(),
    });
    const here = await startBot({
      env: { ...channel.botEnv(), ALLOWED_TENANTS: 'essex-tenant,THURROCK-TENANT' },
      bot: createEchoBot(),
    });
    try {
      const refused = channel.message('hello', lead, 'personal');
      const refusedResponse = await channel.send(elsewhere.url, refused);
      expect(refusedResponse.status).toBe(403);
      expect(refusedResponse.body).toMatchObject({ error: { code: 'FORBIDDEN' } });

      const served = channel.message('hello', lead, 'personal');
      expect((await channel.send(here.url, served)).status).toBe(200);
      await channel.waitFor((call) => call.activityId === served.id);
      expect(channel.sent.some((call) => call.activityId === refused.id)).toBe(false);
    } finally {
      await Promise.all([elsewhere.close(), here.close()]);
      await channel.stop();
    }
  });

  it('runs without authentication on loopback when no app id is set, and says so', async () => {
    const channel = await startTestChannel({ acceptUnauthenticated: true });
    const logger = recordingLogger();
    const bot = await startBot({ env: {}, bot: createEchoBot(), logger });
    try {
      expect(new URL(bot.url).hostname).toBe('127.0.0.1');
      expect(logger.lines.join('\n')).toMatch(/warn: No MicrosoftAppId is set/);

      const activity = channel.message('anyone there?', lead, 'personal');
      expect((await channel.send(bot.url, activity, { token: 'none' })).status).toBe(200);
      const reply = await channel.waitFor((call) => call.activityId === activity.id);
      expect(reply.body).toMatchObject({ text: 'You said: anyone there?' });
    } finally {
      await bot.close();
      await channel.stop();
    }
  });

  it('reports healthy storage, the version and uptime at /healthz', async () => {
    const bot = await startBot({ env: {}, bot: createEchoBot() });
    try {
      const response = await fetch(`${bot.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        storage: { healthy: true },
        version: 'test',
        uptimeSeconds: expect.any(Number) as number,
      });
    } finally {
      await bot.close();
    }
  });

  it.each([
    ['says it is unhealthy', () => Promise.resolve(false)],
    ['fails', () => Promise.reject(new Error('connection refused'))],
  ])('answers /healthz with 503 when storage %s', async (_, storageHealthy) => {
    const bot = await startBot({ env: {}, bot: createEchoBot(), storageHealthy });
    try {
      const response = await fetch(`${bot.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'unavailable',
        storage: { healthy: false },
      });
    } finally {
      await bot.close();
    }
  });

  it('finishes a request in flight before it stops, then refuses new ones', async () => {
    const channel = await startTestChannel({ acceptUnauthenticated: true });
    let entered!: () => void;
    const turnStarted = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowBot = new ActivityHandler();
    slowBot.onMessage(async (context, next) => {
      entered();
      await gate;
      await context.sendActivity('done at last');
      await next();
    });
    const bot = await startBot({ env: {}, bot: slowBot });
    try {
      const activity = channel.message('take your time', lead, 'personal');
      const inFlight = channel.send(bot.url, activity, { token: 'none' });
      await turnStarted;

      let closed = false;
      const closing = bot.close().then(() => (closed = true));
      expect(closed).toBe(false);
      release();

      expect((await inFlight).status).toBe(200);
      await closing;
      await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
    } finally {
      release();
      await channel.stop();
    }
  });
});
