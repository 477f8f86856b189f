import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from '../support/test-channel/test-channel.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

const intruder = testUser('Ivy Intruder', 'ivy@council.example');

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
});
