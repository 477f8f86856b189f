import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestScope } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

const SCOPES: readonly TestScope[] = ['personal', 'groupChat', 'channel'];

describe('/digest over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function ask(text: string, scope: TestScope, from = people.chair) {
    const call = await replyTo(harness, harness.channel.message(text, from, scope));
    const card = cardOf(call);
    return { card, text: textOf(card) };
  }

  describe.each(SCOPES)('in a %s conversation', (scope) => {
    it('answers /digest with the latest closed period’s digest and its chart', async () => {
      const { card, text } = await ask('/digest', scope);
      expect(text).toContain('Board digest: Thurrock SEND Written Statement of Action');
      expect(text).toContain('Period Jan 2021: closes 15 Jan 2021; board meets 27 Jan 2021.');
      expect(text).toContain('A5 improved from Red to Green');
      expect(JSON.stringify(card)).toMatch(/"url":"data:image\/png;base64,/);
    });

    it('narrows to one workstream for /digest b', async () => {
      const { text } = await ask('/digest b', scope);
      expect(text).toContain('Workstream B: Quality assurance and governance');
      expect(text).not.toContain('A5 improved');
    });
  });

  it('suggests the workstreams there are for an unknown code', async () => {
    const { text } = await ask('/digest EHC', 'channel');
    expect(text).toContain('I cannot find a workstream called "EHC"');
  });

  it('lets an admin preview the next scheduled digest in personal chat', async () => {
    const { text } = await ask('/digest preview', 'personal', people.admin);
    // 5 May 2021 meeting: two working days back skips the 3 May bank holiday.
    expect(text).toContain(
      'Preview, seen only by you: the Apr 2021 digest as it stands, due to be posted to the board channel on Fri 30 Apr 2021 at 09:00.',
    );
  });

  it('keeps the preview out of shared conversations and away from non-admins', async () => {
    const inChannel = await ask('/digest preview', 'channel', people.admin);
    expect(inChannel.text).toContain('Preview the digest in our personal chat');
    const notAdmin = await ask('/digest preview', 'personal', people.chair);
    expect(notAdmin.text).toContain('Only programme admins can preview the scheduled digest');
  });
});
