import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, GROUP_CHAT_ID, testUser } from '../support/test-channel/activities.js';
import { people, replyTo, startBotHarness, type BotHarness } from './bot-harness.js';

describe('what the bot remembers about conversations and people', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('saves where to write on install, in a personal chat, a group chat and a channel', async () => {
    const { channel, bot, store } = harness;
    for (const scope of ['personal', 'groupChat', 'channel'] as const) {
      expect((await channel.send(bot.url, channel.install(people.deputy, scope))).status).toBe(200);
    }
    expect(await store.conversations.getPersonalByEmail(people.deputy.email)).toMatchObject({
      key: `personal:${people.deputy.aadObjectId}`,
      kind: 'personal',
      email: people.deputy.email,
      tenantId: channel.tenantId,
      reference: { serviceUrl: channel.serviceUrl },
    });
    expect(await store.conversations.get(GROUP_CHAT_ID)).toMatchObject({ kind: 'groupChat' });
    expect(await store.conversations.get(CHANNEL_ID)).toMatchObject({
      kind: 'channel',
      reference: { conversation: { id: CHANNEL_ID } },
    });
  });

  it('saves the conversation on a message and learns who the sender is', async () => {
    const { channel, store } = harness;
    await replyTo(harness, channel.message('/help', people.owner, 'personal'));
    const person = await store.people.getByAadObjectId(people.owner.aadObjectId);
    expect(person).toMatchObject({ email: people.owner.email, name: people.owner.name });
    expect(await store.conversations.getPersonalByEmail(people.owner.email)).toMatchObject({
      kind: 'personal',
      aadObjectId: people.owner.aadObjectId,
    });
  });

  it('asks Teams for a person’s email on first contact only', async () => {
    const { channel } = harness;
    const newcomer = testUser('Nia Newcomer', 'nia.newcomer@council.example');
    const membersCalls = () =>
      channel.sent.filter(
        (call) => call.kind === 'read' && call.path.endsWith(`/members/${newcomer.id}`),
      ).length;

    await replyTo(harness, channel.message('/help', newcomer, 'personal'));
    expect(membersCalls()).toBe(1);
    await replyTo(harness, channel.message('/mine', newcomer, 'personal'));
    expect(membersCalls()).toBe(1);
  });
});
