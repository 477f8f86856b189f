import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_RETRY_AFTER_SECONDS } from '../../src/server/bot-authentication.js';
import { testUser } from '../support/test-channel/test-channel.js';
import { startSecurityHarness, type SecurityHarness } from './security-harness.js';

const newcomer = testUser('Nia New', 'nia.new@council.example');

describe('when the channel’s sign-in keys cannot be checked', () => {
  let harness: SecurityHarness;

  beforeEach(async () => {
    // A fresh channel each time: botbuilder caches the keys of each metadata address it has read.
    harness = await startSecurityHarness();
  });

  afterEach(async () => {
    await harness?.stop();
  });

  it('answers 503 with Retry-After (not 401) while the metadata answers 503, and writes nothing', async () => {
    const { channel, bot } = harness;
    channel.setMetadataMode('unavailable');
    const before = await harness.storageSnapshot();
    const activity = channel.message('/help', newcomer, 'personal');

    const response = await fetchRaw(bot.url, activity, await channel.signedHeaders(activity));

    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      error: {
        code: 'SIGN_IN_UNAVAILABLE',
        message: 'The token cannot be checked now; try again shortly.',
      },
    });
    expect(harness.answered(activity)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);
  });

  it('answers 503 within the deadline while the metadata hangs, then serves the retry', async () => {
    const { channel, bot } = harness;
    channel.setMetadataMode('hang');
    const before = await harness.storageSnapshot();
    const activity = channel.message('/help', newcomer, 'personal');

    const first = await channel.send(bot.url, activity);

    expect(first.status).toBe(503);
    expect(harness.answered(activity)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);

    // Teams retries after Retry-After; by then the keys answer again.
    channel.setMetadataMode('normal');
    await new Promise((resolve) => setTimeout(resolve, SIGN_IN_RETRY_AFTER_SECONDS * 1000 + 100));
    const retry = await channel.send(bot.url, activity);
    expect(retry.status).toBe(200);
    await channel.waitFor((call) => call.activityId === activity.id);
  });

  it('refuses a v1 emulator token for another app with 401, not 500, and writes nothing', async () => {
    const { channel, bot } = harness;
    const before = await harness.storageSnapshot();
    const activity = channel.message('/help', newcomer, 'personal');

    const response = await channel.send(bot.url, activity, { token: 'emulator' });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'The request is not authenticated.' },
    });
    expect(harness.answered(activity)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);
  });

  it.each(['expired', 'bad-signature', 'wrong-audience', 'unknown-key'] as const)(
    'says no more than "not authenticated" to a %s token',
    async (token) => {
      const { channel, bot } = harness;
      const activity = channel.message('/help', newcomer, 'personal');
      const response = await channel.send(bot.url, activity, { token });

      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'The request is not authenticated.' },
      });
    },
  );
});

async function fetchRaw(
  botUrl: string,
  activity: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify(activity),
  });
}
