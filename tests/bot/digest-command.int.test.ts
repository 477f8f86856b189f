import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_RECOMMENDED_BYTES, teamsMessageBytes } from '../../src/cards/message-budget.js';
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
    it('answers /digest with the latest closed period’s digest, within the message budget', async () => {
      const call = await replyTo(harness, harness.channel.message('/digest', people.chair, scope));
      const text = textOf(cardOf(call));
      expect(call.status).toBe(201);
      expect(teamsMessageBytes(call.body)).toBeLessThanOrEqual(TEAMS_RECOMMENDED_BYTES);
      expect(text).toContain('Board digest: Thurrock SEND Written Statement of Action');
      expect(text).toContain('Period Jan 2021: closes 15 Jan 2021; board meets 27 Jan 2021.');
      expect(text).toContain('A5 improved from Red to Green');
      // With no public address the chart could only travel embedded, which would take this
      // message past Teams' limit (413 before it was measured): the counts carry it in words.
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

  it('gives someone who does not prepare the board the digest last posted, and says so', async () => {
    const { text } = await ask('/digest', 'personal', people.owner);
    expect(text).toContain(
      'The Jan 2021 digest, posted to the board channel on Mon 25 Jan 2021 for the board on Wed 27 Jan 2021',
    );
    expect(text).toContain('Period Jan 2021: closes 15 Jan 2021');
    expect(text).not.toContain('/digest draft');
  });

  it("shows a workstream lead the coming board's draft in personal chat, and the way to the last one sent", async () => {
    // The deputy holds SLSESEND, the lead role of workstream C.
    const { text } = await ask('/digest', 'personal', people.deputy);
    // 5 May 2021 meeting: two working days back skips the 3 May bank holiday.
    expect(text).toContain(
      'Draft, seen only by you: the Apr 2021 digest as it stands, due to be posted to the board channel on Fri 30 Apr 2021 at 09:00.',
    );
    expect(text).toContain('Type /digest sent for the Jan 2021 digest the board last had.');
    expect(text).toContain('Period Apr 2021');
    const sent = await ask('/digest sent', 'personal', people.deputy);
    expect(sent.text).toContain('Period Jan 2021: closes 15 Jan 2021');
    expect(sent.text).toContain("Type /digest draft for the coming board's digest as it stands.");
  });

  it('lets an admin see the draft, for one workstream too', async () => {
    const { text } = await ask('/digest draft b', 'personal', people.admin);
    expect(text).toContain('the Apr 2021 digest as it stands');
    expect(text).toContain('Workstream B: Quality assurance and governance');
  });

  it('keeps the draft out of shared conversations and away from those who do not prepare the board', async () => {
    const inChannel = await ask('/digest draft', 'channel', people.admin);
    expect(inChannel.text).toContain('See the draft digest in our personal chat');
    const leadInChannel = await ask('/digest', 'channel', people.deputy);
    expect(leadInChannel.text).toContain('Period Jan 2021');
    expect(leadInChannel.text).not.toContain('Draft, seen only by you');
    const notPreparing = await ask('/digest preview', 'personal', people.chair);
    expect(notPreparing.text).toContain(
      "Only those who prepare the board see the coming digest's draft",
    );
  });
});
