import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, textOf } from '../bot/bot-harness.js';
import { testUser, type TestUser } from '../support/test-channel/test-channel.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

const intruder = testUser('Ivy Intruder', 'ivy@council.example');
/** Another account whose mailbox address is the admin's (a guest, a renamed account). */
const impostor: TestUser = {
  ...testUser('Ada Admin', people.admin.email),
  id: '29:impostor',
  aadObjectId: 'aad-impostor',
};

/**
 * An activity as Direct Line or Web Chat on the same Azure Bot would carry it: signed by the
 * same Bot Framework keys, but every sender field is whatever the client chose to write.
 */
function fromDirectLine(activity: Partial<Activity>, claimedEmail: string): Partial<Activity> {
  return {
    ...activity,
    channelId: 'directline',
    from: {
      ...activity.from!,
      email: claimedEmail,
      userPrincipalName: claimedEmail,
    } as Activity['from'],
  };
}

describe('who the sender is: only what Teams vouches for', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    harness = await startSecurityHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('refuses an activity from another channel of the bot that claims an admin’s email, writing nothing', async () => {
    const { channel, bot, store } = harness;
    const before = await harness.storageSnapshot();
    const activity = fromDirectLine(
      channel.message('/admins', intruder, 'personal'),
      people.admin.email,
    );

    const response = await channel.send(bot.url, activity);

    expect(response.status).toBe(403);
    expect(harness.answered(activity)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);
    expect((await store.people.get(people.admin.email))?.aadObjectId ?? null).not.toBe(
      intruder.aadObjectId,
    );
  });

  /** Sends a message and returns the text of the card the bot answers with. */
  async function say(activity: Partial<Activity>): Promise<string> {
    expect((await harness.channel.send(harness.bot.url, activity)).status).toBe(200);
    return textOf(cardOf(await harness.channel.waitFor((c) => c.activityId === activity.id)));
  }

  it('takes the email from Teams’ member API, not from the activity’s own fields', async () => {
    const { channel, store } = harness;
    await say(channel.message('/help', intruder, 'personal'));
    const before = await harness.storageSnapshot();
    const claiming = channel.message('/assign ADES ivy@council.example', intruder, 'personal');
    const forged = {
      ...claiming,
      from: { ...claiming.from!, email: people.admin.email, userPrincipalName: people.admin.email },
    } as Partial<Activity>;

    expect(await say(forged)).toContain('Only programme admins can use /assign');
    expect(await harness.storageSnapshot()).toBe(before);
    expect((await store.people.get(intruder.email))?.aadObjectId).toBe(intruder.aadObjectId);
  });

  it('never moves an email bound to one person to another account', async () => {
    const { channel, store } = harness;
    await say(channel.message('/help', people.admin, 'personal'));
    expect((await store.people.get(people.admin.email))?.aadObjectId).toBe(
      people.admin.aadObjectId,
    );
    await say(channel.message('/help', impostor, 'personal'));
    const before = await harness.storageSnapshot();

    const text = await say(channel.message('/assign ADES x@council.example', impostor, 'personal'));

    expect(text).toContain('Only programme admins can use /assign');
    expect(await harness.storageSnapshot()).toBe(before);
    expect((await store.people.get(people.admin.email))?.aadObjectId).toBe(
      people.admin.aadObjectId,
    );
  });

  it('knows a person it has met by object id, without asking Teams again', async () => {
    const { channel } = harness;
    await say(channel.message('/help', people.owner, 'personal'));
    const reads = () => channel.sent.filter((call) => call.kind === 'read').length;
    const asked = reads();

    expect(await say(channel.message('/mine', people.owner, 'personal'))).toContain('A2');
    expect(reads()).toBe(asked);
  });
});
