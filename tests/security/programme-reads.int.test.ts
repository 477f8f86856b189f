import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, textOf } from '../bot/bot-harness.js';
import { testUser, type TestUser } from '../support/test-channel/test-channel.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

/** Signed in to the council's tenant, known to Teams, but holding no role in the programme. */
const outsider = testUser('Olly Outsider', 'olly@council.example');

/** One rule for reading a programme: its members, its admins, and chats linked to it. */
describe('who may read a programme', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    harness = await startSecurityHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function say(activity: Partial<Activity>): Promise<string> {
    expect((await harness.channel.send(harness.bot.url, activity)).status).toBe(200);
    return textOf(cardOf(await harness.channel.waitFor((c) => c.activityId === activity.id)));
  }

  const inPersonal = (text: string, from: TestUser) =>
    harness.channel.message(text, from, 'personal');

  it.each(['/status', '/status A', '/status wsoa:A2', '/digest', '/overdue', '/digest A'])(
    'tells someone with no role that %s is for the programme’s people, showing none of it',
    async (command) => {
      const text = await say(inPersonal(command, outsider));
      expect(text).toContain('You are not in Thurrock');
      expect(text).toContain('ask a programme admin');
      // Nothing of the plan: no action, no note, no rating, no signed link.
      expect(text).not.toMatch(/A2|Post 16|Green|Amber|Red|https?:/);
    },
  );

  it('answers the same commands for a member, a deputy and an admin', async () => {
    expect(await say(inPersonal('/status wsoa:A2', people.owner))).toContain('A2');
    expect(await say(inPersonal('/status A', people.deputy))).toContain('A1');
    expect(await say(inPersonal('/status wsoa:A2', people.admin))).toContain('A2');
  });

  it('lets anyone in a chat an admin linked to the programme read it there, and only there', async () => {
    const linked = '19:send-board@thread.tacv2';
    expect(await say(harness.channel.message('/link', people.admin, 'channel', linked))).toContain(
      'wsoa',
    );
    expect(await say(harness.channel.message('/status A', outsider, 'channel', linked))).toContain(
      'A1',
    );
    const other = '19:staff-room@thread.tacv2';
    expect(await say(harness.channel.message('/status A', outsider, 'channel', other))).toContain(
      'You are not in',
    );
  });
});
