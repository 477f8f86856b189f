import { describe, expect, it } from 'vitest';
import { createEchoBot } from '../../src/server/echo-bot.js';
import { createLogger } from '../../src/server/logger.js';
import { startBot } from '../support/start-bot.js';
import { startTestChannel, testUser } from '../support/test-channel/test-channel.js';

const owner = testUser('Olu Owner', 'olu.owner@thurrock.example');
const REPORT_SECRET = 'report-link-secret-0123456789abcdef';

/** The service's own logger, in production form (JSON), writing into an array. */
function capturedLogger(secrets: readonly string[]) {
  const lines: string[] = [];
  const logger = createLogger({ format: 'json', secrets, write: (line) => lines.push(line) });
  return {
    logger,
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function bearerOf(headers: Record<string, string | string[] | undefined>): string {
  const value = headers['authorization'];
  const header = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return header.replace(/^Bearer\s+/i, '');
}

describe('the service log', () => {
  it('writes one line per request with its duration and activity id, and never the bearer token', async () => {
    const channel = await startTestChannel();
    const { logger, lines, entries } = capturedLogger([channel.appPassword, REPORT_SECRET]);
    const bot = await startBot({ env: channel.botEnv(), bot: createEchoBot(), logger });
    try {
      const activity = channel.message('hello', owner, 'personal');
      const headers = await channel.signedHeaders(activity);
      const token = bearerOf(headers);
      expect(token.length).toBeGreaterThan(100);
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify(activity),
      });
      expect(response.status).toBe(200);
      await channel.waitFor((call) => call.activityId === activity.id);
      // A forged token is logged no more than a good one.
      const forged = channel.message('hello again', owner, 'personal');
      expect((await channel.send(bot.url, forged, { token: 'bad-signature' })).status).toBe(401);

      const requestLines = entries().filter((entry) => entry['path'] === '/api/messages');
      expect(requestLines).toHaveLength(2);
      expect(requestLines[0]).toMatchObject({
        level: 'info',
        method: 'POST',
        status: 200,
        activityId: activity.id,
        activityType: 'message',
        durationMs: expect.any(Number) as number,
      });
      expect(requestLines[1]).toMatchObject({ status: 401, activityId: forged.id });
      const all = lines.join('\n');
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
      expect(all).not.toContain(channel.appPassword);
    } finally {
      await bot.close();
      await channel.stop();
    }
  });

  it('logs a failed Connector call without the token the bot sent, its password or a secret', async () => {
    const channel = await startTestChannel();
    const { logger, lines, entries } = capturedLogger([channel.appPassword, REPORT_SECRET]);
    const bot = await startBot({ env: channel.botEnv(), bot: createEchoBot(), logger });
    try {
      channel.failSends({ status: 500 });
      const activity = channel.message('hello', owner, 'personal');
      await channel.send(bot.url, activity);
      const failed = await channel.waitFor(
        (call) => call.activityId === activity.id && call.status === 500,
      );
      const outbound = bearerOf(failed.headers);
      expect(outbound.length).toBeGreaterThan(20);
      await expect.poll(() => entries().some((entry) => entry['level'] === 'error')).toBe(true);

      const all = lines.join('\n');
      expect(all).toMatch(/The bot failed/);
      expect(all).not.toContain(outbound);
      expect(all).not.toContain(channel.appPassword);
      expect(all).not.toContain(REPORT_SECRET);
    } finally {
      channel.failSends(null);
      await bot.close();
      await channel.stop();
    }
  });

  it('removes credentials from the fields and text of a line, however they are nested', () => {
    const { logger, lines } = capturedLogger(['s3cret-app-password-value']);
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJlLWJ5dGVz';
    logger.error(`The Connector refused: Authorization: Bearer ${jwt}`, {
      error: {
        message: 'Request failed',
        request: {
          url: 'https://smba.example/v3/conversations',
          headers: { authorization: `Bearer ${jwt}` },
        },
      },
      settings: { MicrosoftAppPassword: 's3cret-app-password-value', password: 'hunter2-long' },
      link: 'https://tracker.example/report/wsoa?period=2021-04&sig=abcdef0123456789',
      connection:
        'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0a2V5MTIzNDU2Nzg=;',
      note: 'the app password is s3cret-app-password-value',
    });
    const [line = ''] = lines;
    expect(line).not.toContain(jwt);
    expect(line).not.toContain('s3cret-app-password-value');
    expect(line).not.toContain('hunter2-long');
    expect(line).not.toContain('abcdef0123456789');
    expect(line).not.toContain('c2VjcmV0a2V5MTIzNDU2Nzg=');
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'error',
      settings: { MicrosoftAppPassword: '[redacted]', password: '[redacted]' },
      error: { request: { url: 'https://smba.example/v3/conversations' } },
    });
  });

  it('replaces a credential field whole, in any case and four levels down, whatever it holds', () => {
    const { logger, lines } = capturedLogger([]);
    logger.warn('A nested answer', {
      reply: { request: { options: { Token: { value: 'opaque-token-1234' }, name: 'kept' } } },
      Cookie: 'session=opaque-session-5678',
      attempts: [{ ACCESS_TOKEN: 'opaque-token-9012' }],
    });
    const [line = ''] = lines;
    for (const secret of ['opaque-token-1234', 'opaque-session-5678', 'opaque-token-9012']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({
      reply: { request: { options: { Token: '[redacted]', name: 'kept' } } },
      Cookie: '[redacted]',
      attempts: [{ ACCESS_TOKEN: '[redacted]' }],
    });
  });
});
