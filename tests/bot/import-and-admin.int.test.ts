import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { readFixture, xlsxFromFolder } from '../app/import/plan-workbooks.js';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startBot } from '../support/start-bot.js';
import {
  startTestChannel,
  type RecordedCall,
  type TestScope,
} from '../support/test-channel/test-channel.js';
import {
  cardOf,
  createSampleBot,
  people,
  replyTo,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

describe('plan import and admin commands over HTTP', () => {
  let harness: BotHarness;
  let store: Store;

  beforeAll(async () => {
    store = await createTablesStore({
      connection: { connectionString: inject('azuriteConnectionString') },
      tablePrefix: uniqueTablePrefix('adm'),
    });
    const channel = await startTestChannel();
    channel.serveFile('wsoa.xlsx', await xlsxFromFolder('sample'));
    channel.serveFile('broken.xlsx', await xlsxFromFolder('broken/unknown-workstream'));
    const bot = await startBot({
      env: channel.botEnv(),
      bot: createSampleBot(store),
    });
    harness = {
      store,
      channel,
      bot,
      async stop() {
        await bot.close();
        await channel.stop();
      },
    };
  });

  afterAll(async () => {
    await harness.stop();
  });

  /** A file sent in personal chat; Teams gives its address, `downloadUrl` by default. */
  function sendFile(
    name: string,
    from = people.admin,
    downloadUrl = `${harness.channel.serviceUrl.replace(/\/teams\/$/, '')}/files/${name}`,
  ): Partial<Activity> {
    return {
      ...harness.channel.message('', from, 'personal'),
      attachments: [
        { contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl, uniqueId: name } },
      ],
    };
  }

  /**
   * Presses a button of the preview card, as the admin, on the message that carries it (Teams
   * sends its id as `replyToId`). A Confirm that starts an import answers with its progress
   * card, then redraws the message in place: this gives the last card drawn there.
   */
  async function press(message: RecordedCall, verb: string, change = {}) {
    const actions = cardOf(message)['actions'] as { verb: string; data: Record<string, unknown> }[];
    const button = actions.find((a) => a.verb === verb);
    if (!button) throw new Error(`The preview has no ${verb} button`);
    const activity = harness.channel.cardAction(
      verb,
      { ...button.data, ...change },
      people.admin,
      'personal',
      { message },
    );
    const updatesBefore = harness.channel.sent.length;
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
    const first = textOf(answer.body.value);
    if (!first.startsWith('Importing ')) return first;
    const last = await harness.channel.waitFor(
      (call) =>
        harness.channel.sent.indexOf(call) >= updatesBefore &&
        call.kind === 'update' &&
        call.activityId === message.createdId &&
        !textOf(cardOf(call)).startsWith('Importing '),
      30_000,
    );
    return textOf(cardOf(last));
  }

  const downloads = () => harness.channel.sent.filter((call) => call.kind === 'download');

  async function say(text: string, scope: TestScope = 'personal', from = people.admin) {
    return textOf(cardOf(await replyTo(harness, harness.channel.message(text, from, scope))));
  }

  it('previews a workbook sent in personal chat, imports it on Confirm, and then has nothing to change', async () => {
    const preview = await replyTo(harness, sendFile('wsoa.xlsx'));
    const previewText = textOf(cardOf(preview));
    expect(previewText).toContain('Import wsoa.xlsx?');
    expect(previewText).toContain(
      '3 workstreams, 12 actions, 60 steps, 11 roles, 8 periods, 13 past ratings',
    );
    expect(await store.programmes.list()).toEqual([]);

    expect(await press(preview, 'import-confirm')).toContain('Imported wsoa.xlsx');
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);

    const again = textOf(cardOf(await replyTo(harness, sendFile('wsoa.xlsx'))));
    expect(again).toContain('No changes: the stored plan is already the same as this workbook.');
    expect(again).not.toContain('Confirm import');
  });

  it('changes nothing when the admin presses Cancel on a preview', async () => {
    harness.channel.serveFile('changed.xlsx', await xlsxFromFolder('small'));
    const preview = await replyTo(harness, sendFile('changed.xlsx'));
    expect(textOf(cardOf(preview))).toContain('9 removed (A3, A4, A5, B2, B3, B4, B5, C1, C2)');
    expect(await press(preview, 'import-cancel')).toContain('Import cancelled');
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
    expect(await press(preview, 'import-confirm')).toContain('I cannot confirm this import');
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
  });

  it('refuses a Confirm whose card data was changed, and fetches nothing', async () => {
    harness.channel.serveFile('changed.xlsx', await xlsxFromFolder('small'));
    const preview = await replyTo(harness, sendFile('changed.xlsx'));
    const before = downloads().length;
    const elsewhere = 'http://127.0.0.1:1/latest/meta-data/';
    const tampered = await press(preview, 'import-confirm', {
      importId: 'made-up',
      downloadUrl: elsewhere,
    });
    expect(tampered).toContain('I cannot confirm this import');
    expect(tampered).toContain('Nothing was imported');
    expect(downloads()).toHaveLength(before);
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);

    // An address added to a genuine Confirm is ignored: the bot fetches the file it previewed.
    expect(await press(preview, 'import-confirm', { downloadUrl: elsewhere })).toContain(
      'Imported changed.xlsx',
    );
    expect(
      downloads()
        .slice(before)
        .map((call) => call.path),
    ).toEqual(['/files/changed.xlsx']);
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(3);
    await replyTo(harness, sendFile('wsoa.xlsx')).then((call) => press(call, 'import-confirm'));
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
  });

  it('fetches only secure addresses, and no workbook over 10 MB', async () => {
    const before = downloads().length;
    const insecure = textOf(
      cardOf(
        await replyTo(harness, sendFile('wsoa.xlsx', people.admin, 'http://10.0.0.1/wsoa.xlsx')),
      ),
    );
    expect(insecure).toContain('I will not fetch wsoa.xlsx');
    expect(insecure).toContain('the link is not a secure (https) address');
    expect(downloads()).toHaveLength(before);

    harness.channel.serveFile('huge.xlsx', new Uint8Array(11 * 1024 * 1024));
    const huge = textOf(cardOf(await replyTo(harness, sendFile('huge.xlsx'))));
    expect(huge).toContain('huge.xlsx is too large to import');
    expect(huge).toContain('It is over 10 MB');
  });

  it('lists a broken workbook’s problems with their place, and offers no Confirm', async () => {
    const text = textOf(cardOf(await replyTo(harness, sendFile('broken.xlsx'))));
    expect(text).toContain('broken.xlsx cannot be imported yet');
    expect(text).toContain(
      '**Actions, row 5, column Workstream (A)**: "Z" is not a workstream in the Workstreams sheet.',
    );
    expect(text).not.toContain('Confirm import');
  });

  it('politely refuses a workbook, and admin commands, from someone who is not an admin', async () => {
    const text = textOf(cardOf(await replyTo(harness, sendFile('wsoa.xlsx', people.owner))));
    expect(text).toContain('Only programme admins can import a plan');
    expect(await say('/assign ADES x@council.example', 'personal', people.owner)).toContain(
      'Only programme admins can use /assign',
    );
  });

  it('lets an admin see roles, assign a person and a deputy, and see the calendar', async () => {
    expect(await say('/roles')).toContain(
      '**ADES** Assistant Director Education and Skills: ades@council.example; deputy slsesend@council.example',
    );
    expect(await say('/assign DCO new.dco@ccg.example')).toContain(
      'DCO is now new.dco@ccg.example',
    );
    expect((await store.roles.get('wsoa', 'DCO'))?.person).toBe('new.dco@ccg.example');
    expect(await say('/deputy DCO none')).toContain('The deputy for DCO is now nobody');
    expect(await say('/calendar')).toContain(
      '**Apr 2021** (open now): closes 23 Apr 2021; board meets 5 May 2021.',
    );
  });

  it('links a channel as the board channel with /link board, and /unlink board stops it', async () => {
    expect(await say('/link board', 'channel')).toContain('This is now the board channel of wsoa');
    expect(await store.links.listBoard('wsoa')).toHaveLength(1);
    expect(await say('/unlink board', 'channel')).toContain(
      'Digests will no longer be posted here',
    );
    expect(await store.links.listBoard('wsoa')).toHaveLength(0);
    expect(await say('/link board', 'personal')).toContain(
      'A personal chat cannot be a board channel',
    );
  });

  it('lets an admin add another admin, who can then use the admin commands', async () => {
    expect(await say('/admins add chris.chair@council.example')).toContain(
      'chris.chair@council.example is now an admin',
    );
    expect(await say('/calendar', 'personal', people.chair)).toContain('Reporting calendar');
  });

  it('takes an admin’s reading away at once when they are removed, not a minute later', async () => {
    // The chair holds no role in this plan: only being an admin lets them read it.
    expect(await say('/status', 'personal', people.chair)).toContain('A · Records and oversight');
    expect(await say('/admins remove chris.chair@council.example')).toContain(
      'chris.chair@council.example is no longer an admin',
    );
    expect(await say('/status', 'personal', people.chair)).toContain('You are not in');
    expect(await say('/calendar', 'personal', people.chair)).not.toContain('Reporting calendar');
    expect(await say('/admins add chris.chair@council.example')).toContain('is now an admin');
    expect(await say('/status', 'personal', people.chair)).toContain('A · Records and oversight');
  });

  it('answers /status in a channel linked to a second programme with that programme', async () => {
    const small = parsePlan(await readFixture('small'), { id: 'send', name: 'SEND Strategy' });
    if (!small.ok) throw new Error('The small plan should be valid.');
    await store.plans.replace(small.plan);
    const conversation = '19:send-board@thread.tacv2';
    const inChannel = (text: string) =>
      harness.channel.message(text, people.admin, 'channel', conversation);
    expect(textOf(cardOf(await replyTo(harness, inChannel('/link board send:'))))).toContain(
      'This is now the board channel of send',
    );
    expect(textOf(cardOf(await replyTo(harness, inChannel('/status'))))).toContain('SEND Strategy');
  });

  it('in personal chat, answers /status about the programme where the person holds a role', async () => {
    // "send" sorts first, so only the owner's role in "wsoa" can make the answer about wsoa.
    const ask = async () =>
      textOf(
        cardOf(
          await replyTo(harness, harness.channel.message('/status', people.owner, 'personal')),
        ),
      );
    const answer = await ask();
    expect(answer).not.toContain('SEND Strategy');
    expect(answer).toContain('A · Records and oversight');
  });

  it('takes the programme from a prefix such as wsoa:C, in commands and admin commands alike', async () => {
    // An admin reads both programmes, so without the prefix they would be asked which.
    const status = textOf(
      cardOf(
        await replyTo(harness, harness.channel.message('/status wsoa:C', people.admin, 'personal')),
      ),
    );
    expect(status).toContain('C · Quality of EHC plans and annual reviews');
    expect(await say('/assign send:QA new.qa@council.example')).toContain(
      'QA is now new.qa@council.example',
    );
    expect((await store.roles.get('send', 'QA'))?.person).toBe('new.qa@council.example');
  });
});
