import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { xlsxFromFolder } from '../app/import/plan-workbooks.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startBot } from '../support/start-bot.js';
import { startTestChannel, type RecordedCall } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  createSampleBot,
  people,
  replyTo,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

/** The bot on an empty store, `adapt`ed, with wsoa.xlsx (the sample plan) to send it. */
async function start(adapt: (store: Store) => Store = (store) => store): Promise<BotHarness> {
  const tables = await createTablesStore({
    connection: { connectionString: inject('azuriteConnectionString') },
    tablePrefix: uniqueTablePrefix('imb'),
  });
  const store = adapt(tables);
  const channel = await startTestChannel();
  channel.serveFile('wsoa.xlsx', await xlsxFromFolder('sample'));
  const bot = await startBot({ env: channel.botEnv(), bot: createSampleBot(store) });
  return {
    store,
    channel,
    bot,
    async stop() {
      await bot.close();
      await channel.stop();
    },
  };
}

/** The preview of wsoa.xlsx sent in personal chat, as Teams delivers a file. */
async function preview(harness: BotHarness): Promise<RecordedCall> {
  const base = harness.channel.serviceUrl.replace(/\/teams\/$/, '');
  const activity: Partial<Activity> = {
    ...harness.channel.message('', people.admin, 'personal'),
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        name: 'wsoa.xlsx',
        content: { downloadUrl: `${base}/files/wsoa.xlsx`, uniqueId: 'wsoa.xlsx' },
      },
    ],
  };
  return replyTo(harness, activity);
}

/** Presses Confirm on the preview `message`; gives the button's own answer. */
async function confirm(harness: BotHarness, message: RecordedCall) {
  const actions = cardOf(message)['actions'] as { verb: string; data: Record<string, unknown> }[];
  const button = actions.find((a) => a.verb === 'import-confirm');
  if (!button) throw new Error('The preview has no Confirm');
  const activity = harness.channel.cardAction(
    'import-confirm',
    button.data,
    people.admin,
    'personal',
    { message },
  );
  const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
  expect(answer.status).toBe(200);
  return textOf(answer.body.value);
}

/** Every redraw of message `messageId`, in order, once one is no longer progress. */
async function redrawsUntilDone(harness: BotHarness, messageId: string): Promise<string[]> {
  const isDone = (text: string) => !text.startsWith('Importing ');
  await harness.channel.waitFor(
    (call) =>
      call.kind === 'update' && call.activityId === messageId && isDone(textOf(cardOf(call))),
    30_000,
  );
  return harness.channel.sent
    .filter((call) => call.kind === 'update' && call.activityId === messageId)
    .map((call) => textOf(cardOf(call)));
}

describe('a confirmed plan import, run after the button is answered', () => {
  let harness: BotHarness | null = null;
  afterEach(async () => {
    await harness?.stop();
    harness = null;
  });

  it('answers Confirm with a progress card, then redraws that card with the result', async () => {
    harness = await start();
    const message = await preview(harness);
    const messageId = message.createdId ?? '';

    const answer = await confirm(harness, message);
    expect(answer).toContain('Importing wsoa.xlsx');
    expect(answer).toContain('Fetching wsoa.xlsx.');
    expect(answer).toContain('Nobody sees any of the new plan until all of it is written');

    const redraws = await redrawsUntilDone(harness, messageId);
    const last = redraws.at(-1) ?? '';
    expect(last).toContain('Imported wsoa.xlsx');
    expect(last).toContain('12 actions in 3 workstreams');
    expect(await harness.store.actions.listByProgramme('wsoa')).toHaveLength(12);
    // Redrawn in place only: no new message was posted for the import.
    const posts = harness.channel.sent.filter((call) => call.kind === 'post');
    expect(posts).toHaveLength(0);
    const updates = harness.channel.sent.filter((call) => call.kind === 'update');
    expect(updates.every((call) => call.authorised && call.status === 200)).toBe(true);
    // What people now see on the preview's message is the result.
    const held = harness.channel.messageIn(message.conversationId ?? '', messageId) as
      Partial<Activity> | undefined;
    expect(textOf(held?.attachments?.[0]?.content)).toContain('Imported wsoa.xlsx');

    // The import was taken by the first press: a second does nothing.
    expect(await confirm(harness, message)).toContain('I cannot confirm this import');
  });

  it('tells the admin in plain words that the import did not finish, and what to do', async () => {
    harness = await start((store) => ({
      ...store,
      plans: { replace: () => Promise.reject(new Error('Azure answered 503 Server Busy')) },
    }));
    const message = await preview(harness);
    const messageId = message.createdId ?? '';

    expect(await confirm(harness, message)).toContain('Importing wsoa.xlsx');
    const last = (await redrawsUntilDone(harness, messageId)).at(-1) ?? '';
    expect(last).toContain('The import of wsoa.xlsx did not finish');
    expect(last).toContain('everyone still sees the plan as it was');
    expect(last).toContain('Send wsoa.xlsx to me again to try once more.');
    expect(last).not.toContain('503');
    expect(await harness.store.programmes.list()).toEqual([]);
  });
});
