import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdminDirectory } from '../../src/app/admin/admin-directory.js';
import { silentLogger } from '../../src/app/logger.js';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { fixedClock } from '../app/seed-sample.js';
import { readFixture, xlsxFromFolder } from '../app/import/plan-workbooks.js';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startBot } from '../support/start-bot.js';
import { startTestChannel, type TestScope } from '../support/test-channel/test-channel.js';
import { cardOf, NOW, people, replyTo, textOf, type BotHarness } from './bot-harness.js';

interface InvokeAnswer {
  readonly status: number;
  readonly body: { readonly value: Record<string, unknown> };
}

/** Serves workbooks on loopback, as Teams serves a sent file at its downloadUrl. */
async function startFileServer(
  files: Map<string, Buffer>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    // restify, in this process too, replaces writeHead with one that does not return `res`.
    res.writeHead(file ? 200 : 404);
    res.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('plan import and admin commands over HTTP', () => {
  let harness: BotHarness;
  let store: Store;
  let files: { url: string; server: Server };
  const served = new Map<string, Buffer>();

  beforeAll(async () => {
    store = await createTablesStore({
      connection: { connectionString: inject('azuriteConnectionString') },
      tablePrefix: uniqueTablePrefix('adm'),
    });
    served.set('/wsoa.xlsx', await xlsxFromFolder('sample'));
    served.set('/broken.xlsx', await xlsxFromFolder('broken/unknown-workstream'));
    files = await startFileServer(served);
    const channel = await startTestChannel();
    const bot = await startBot({
      env: channel.botEnv(),
      bot: createBot({
        ...store,
        clock: fixedClock(NOW),
        logger: silentLogger,
        admins: [people.admin.email],
        adminDirectory: createAdminDirectory({
          configured: [people.admin.email],
          admins: store.admins,
        }),
        adminStore: store.admins,
      }),
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
    await new Promise((resolve) => files.server.close(resolve));
  });

  function sendFile(name: string, from = people.admin): Partial<Activity> {
    return {
      ...harness.channel.message('', from, 'personal'),
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          name,
          content: { downloadUrl: `${files.url}/${name}`, uniqueId: name, fileType: 'xlsx' },
        },
      ],
    };
  }

  async function say(text: string, scope: TestScope = 'personal', from = people.admin) {
    return textOf(cardOf(await replyTo(harness, harness.channel.message(text, from, scope))));
  }

  it('previews a workbook sent in personal chat, imports it on Confirm, and then has nothing to change', async () => {
    const preview = cardOf(await replyTo(harness, sendFile('wsoa.xlsx')));
    const previewText = textOf(preview);
    expect(previewText).toContain('Import wsoa.xlsx?');
    expect(previewText).toContain(
      '3 workstreams, 12 actions, 60 steps, 11 roles, 8 periods, 13 past ratings',
    );
    expect(await store.programmes.list()).toEqual([]);

    const actions = preview['actions'] as { verb: string; data: Record<string, unknown> }[];
    const confirm = actions.find((a) => a.verb === 'import-confirm');
    if (!confirm) throw new Error('The preview has no Confirm button');
    const activity = harness.channel.cardAction('import-confirm', confirm.data, people.admin);
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
    expect(textOf(answer.body.value)).toContain('Imported wsoa.xlsx');
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);

    const again = textOf(cardOf(await replyTo(harness, sendFile('wsoa.xlsx'))));
    expect(again).toContain('No changes: the stored plan is already the same as this workbook.');
    expect(again).not.toContain('Confirm import');
  });

  it('changes nothing when the admin presses Cancel on a preview', async () => {
    served.set('/changed.xlsx', await xlsxFromFolder('small'));
    const preview = cardOf(await replyTo(harness, sendFile('changed.xlsx')));
    expect(textOf(preview)).toContain('9 removed (A3, A4, A5, B2, B3, B4, B5, C1, C2)');
    const actions = preview['actions'] as { verb: string; data: Record<string, unknown> }[];
    const cancel = actions.find((a) => a.verb === 'import-cancel');
    if (!cancel) throw new Error('The preview has no Cancel button');
    const activity = harness.channel.cardAction('import-cancel', cancel.data, people.admin);
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
    expect(textOf(answer.body.value)).toContain('Import cancelled');
    expect(await store.actions.listByProgramme('wsoa')).toHaveLength(12);
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
    const lead = {
      ...people.chair,
      id: '29:lead',
      aadObjectId: 'aad-lead',
      email: 'lead@council.example',
    };
    const status = textOf(
      cardOf(await replyTo(harness, harness.channel.message('/status wsoa:C', lead, 'personal'))),
    );
    expect(status).toContain('C · Quality of EHC plans and annual reviews');
    expect(await say('/assign send:QA new.qa@council.example')).toContain(
      'QA is now new.qa@council.example',
    );
    expect((await store.roles.get('send', 'QA'))?.person).toBe('new.qa@council.example');
  });
});
