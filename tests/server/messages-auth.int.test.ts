import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEchoBot, createFloorBot } from '../../src/server/echo-bot.js';
import type { BotServer } from '../../src/server/create-server.js';
import { startBot } from '../support/start-bot.js';
import {
  startTestChannel,
  testUser,
  type TestChannel,
} from '../support/test-channel/test-channel.js';

const chair = testUser('Chris Chair', 'chris.chair@thurrock.example');

describe('the messages endpoint with Teams authentication', () => {
  let channel: TestChannel;
  let bot: BotServer;

  beforeAll(async () => {
    channel = await startTestChannel();
    bot = await startBot({ env: channel.botEnv(), bot: createEchoBot() });
  });

  afterAll(async () => {
    await bot.close();
    await channel.stop();
  });

  it('answers a signed message and sends the reply to the channel with a token it issued', async () => {
    const activity = channel.message('hello there', chair, 'personal');
    const response = await channel.send(bot.url, activity);

    expect(response.status).toBe(200);
    const reply = await channel.waitFor(
      (call) => call.kind === 'reply' && call.activityId === activity.id,
    );
    expect(reply.authorised).toBe(true);
    expect(reply.conversationId).toBe(activity.conversation?.id);
    expect(reply.body).toMatchObject({ type: 'message', text: 'You said: hello there' });
    expect(channel.tokenRequests).toBeGreaterThanOrEqual(1);
  });

  it('the floor bot answers each message with the reply its work gives, once that work is done', async () => {
    const done: string[] = [];
    const floor = await startBot({
      env: channel.botEnv(),
      bot: createFloorBot(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        done.push('read');
        return { type: 'message', text: 'What the reads found' };
      }),
    });
    try {
      const activity = channel.message('/status', chair, 'channel');
      const response = await channel.send(floor.url, activity);

      expect(response.status).toBe(200);
      expect(done).toEqual(['read']);
      const reply = await channel.waitFor(
        (call) => call.kind === 'reply' && call.activityId === activity.id,
      );
      expect(reply.body).toMatchObject({ type: 'message', text: 'What the reads found' });
    } finally {
      await floor.close();
    }
  });

  it.each([
    ['no token', 'none'],
    ['an expired token', 'expired'],
    ['a token for another bot', 'wrong-audience'],
    ['a token for another service URL', 'wrong-serviceurl'],
    ['a token signed by a key the channel never published', 'unknown-key'],
    ['a token with a forged signature under a published key id', 'bad-signature'],
    ['a token from another issuer', 'wrong-issuer'],
  ] as const)('refuses a message with %s with 401 and does not run the bot', async (_, token) => {
    const activity = channel.message(`sent with ${token}`, chair, 'personal');
    const response = await channel.send(bot.url, activity, { token });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(channel.sent.some((call) => call.activityId === activity.id)).toBe(false);
  });

  it('answers malformed JSON with 400 and says what was wrong', async () => {
    const response = await channel.send(bot.url, {}, { rawBody: '{"type": "message", "text": ' });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('Invalid JSON');
  });

  it('answers a body that is not an activity with 400', async () => {
    const response = await channel.send(bot.url, {}, { rawBody: '[1, 2, 3]' });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'BAD_ACTIVITY' } });
  });

  it.each(['serviceUrl', 'conversation'] as const)(
    'answers an activity without %s with 400, naming the field',
    async (field) => {
      const activity = { ...channel.message('hello', chair, 'personal') };
      delete activity[field];
      const response = await channel.send(bot.url, activity);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'BAD_ACTIVITY' } });
      expect(JSON.stringify(response.body)).toContain(field);
    },
  );

  it('refuses a body over the size limit with 413', async () => {
    const activity = channel.message('x'.repeat(300 * 1024), chair, 'personal');
    const response = await channel.send(bot.url, activity);

    expect(response.status).toBe(413);
  });

  it('answers a 100 KB message politely instead of failing', async () => {
    const activity = channel.message('a'.repeat(100 * 1024), chair, 'groupChat');
    const response = await channel.send(bot.url, activity);

    expect(response.status).toBe(200);
    const reply = await channel.waitFor((call) => call.activityId === activity.id);
    expect((reply.body as { text: string }).text).toContain('characters long');
  });
});
