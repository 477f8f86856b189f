import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import { xlsxFromFolder } from '../app/import/plan-workbooks.js';
import { buttonData, cardOf, textOf, type InvokeAnswer } from '../bot/bot-harness.js';
import type { TestUser } from '../support/test-channel/test-channel.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

/** Card data is input: each case is a real card's data with one field changed by hand. */
describe('card data checked like any other input', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    harness = await startSecurityHarness();
    // Everyone below has talked to the bot, so only the card under test could write.
    for (const person of [people.owner, people.deputy, people.admin]) {
      const hello = harness.channel.message('/help', person, 'personal');
      await harness.channel.send(harness.bot.url, hello);
      await harness.channel.waitFor((call) => call.activityId === hello.id);
    }
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function openForm(ref: string, from: TestUser): Promise<Record<string, unknown>> {
    const activity = harness.channel.message(`/update ${ref}`, from, 'personal');
    await harness.channel.send(harness.bot.url, activity);
    return buttonData(cardOf(await harness.channel.waitFor((c) => c.activityId === activity.id)));
  }

  /** Presses a button with this data; returns what the card says and checks nothing was written. */
  async function pressWritingNothing(
    verb: string,
    data: Record<string, unknown>,
    from: TestUser,
  ): Promise<string> {
    const before = await harness.storageSnapshot();
    const activity = harness.channel.cardAction(verb, data, from);
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
    expect(await harness.storageSnapshot()).toBe(before);
    return answer.status === 200 ? textOf(answer.body.value) : `HTTP ${answer.status}`;
  }

  it.each([
    ['a wildcard ETag', '*'],
    ['a malformed ETag', 'W/"anything"'],
  ])(
    'refuses an update carrying %s, so an old card cannot overwrite a newer update',
    async (_, etag) => {
      const form = await openForm('A2', people.owner);
      const text = await pressWritingNothing(
        'update',
        { ...form, etag, rating: 'Red', note: 'Old card.' },
        people.owner,
      );
      expect(text).not.toContain('Recorded');
      expect(text).toContain('after this card was sent to you');
    },
  );

  it('refuses an update for a future period, keeping the one open now as current', async () => {
    const form = await openForm('A2', people.owner);
    const text = await pressWritingNothing(
      'update',
      { ...form, periodId: 'Jul 2021', rating: 'Green', note: 'From the future.' },
      people.owner,
    );
    expect(text).not.toContain('Recorded');
    expect(text).toContain('Jul 2021');
  });

  it('refuses an update for a closed period', async () => {
    const form = await openForm('A2', people.owner);
    const text = await pressWritingNothing(
      'update',
      { ...form, periodId: 'Jan 2021', rating: 'Green', note: 'Too late.' },
      people.owner,
    );
    expect(text).not.toContain('Recorded');
  });

  it('lets a lead chase only their own workstreams’ owners', async () => {
    // The deputy leads workstreams A and C (as ADES's deputy and as SLSESEND), not B.
    const text = await pressWritingNothing(
      'chase',
      { programmeId: 'wsoa', periodId: 'Apr 2021', refs: 'C1,B1' },
      people.deputy,
    );
    expect(text).toContain('Only a workstream lead can chase these updates');
  });

  it.each(['Jan 2021', 'Jul 2021'])(
    'will not chase for %s, a period not open now',
    async (periodId) => {
      const text = await pressWritingNothing(
        'chase',
        { programmeId: 'wsoa', periodId, refs: 'C1' },
        people.deputy,
      );
      expect(text).not.toContain('A reminder goes');
      expect(text).toContain('the period open now');
    },
  );

  it('refuses "no change" for a period not open now', async () => {
    const text = await pressWritingNothing(
      'noChange',
      { programmeId: 'wsoa', periodId: 'Jul 2021', ref: 'A2' },
      people.owner,
    );
    expect(text).not.toMatch(/^HTTP/);
    expect(text).not.toMatch(/Recorded|no change/i);
  });

  it('lets only an admin cancel an import an admin previewed', async () => {
    const { channel, bot, store } = harness;
    const downloadUrl = channel.serveFile('wsoa.xlsx', await xlsxFromFolder('small'));
    const sent: Partial<Activity> = {
      ...channel.message('', people.admin, 'personal'),
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          name: 'wsoa.xlsx',
          content: { downloadUrl, uniqueId: 'wsoa' },
        },
      ],
    };
    await channel.send(bot.url, sent);
    const preview = cardOf(await channel.waitFor((call) => call.activityId === sent.id));
    const actions = preview['actions'] as { verb: string; data: Record<string, unknown> }[];
    const cancel = actions.find((action) => action.verb === 'import-cancel');
    if (!cancel) throw new Error('The preview has no Cancel button');

    const text = await pressWritingNothing('import-cancel', cancel.data, people.owner);

    expect(text).toContain('Only programme admins can import a plan');
    expect(await store.pendingImports.get(String(cancel.data['importId']))).not.toBeNull();
  });
});
