import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import type { RevisionRequest } from '../../src/domain/revision.js';
import type { RecordedCall } from '../support/test-channel/test-channel.js';
import { xlsxFromFolder } from '../app/import/plan-workbooks.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

/**
 * A plan re-imported over HTTP after the board agreed later dates for C2 and B1 and an admin
 * added roles the workbook does not have (the chair's, as the harness seats it, and a
 * vice-chair's by /assign): the workbook moves C2's own date, so C2's agreed revision gives way
 * and B1's stays; both added roles stay.
 */
describe('re-importing the plan over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({
      async seed(store) {
        await agree(store.revisions, 'C2', 'C', '2020-07-31', '2021-04-30');
        await agree(store.revisions, 'B1', 'B', '2020-09-30', '2021-06-30');
      },
    });
    harness.channel.serveFile(
      'wsoa.xlsx',
      await xlsxFromFolder('sample', (sheet, rows) => {
        const c2 = rows.find((row) => sheet === 'actions' && row[1] === 'C2' && row[2] === '');
        if (c2) c2[6] = '2021-03-31';
      }),
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function say(text: string, from = people.admin) {
    return textOf(cardOf(await replyTo(harness, harness.channel.message(text, from, 'personal'))));
  }

  function sendFile(name: string): Partial<Activity> {
    const base = harness.channel.serviceUrl.replace(/\/teams\/$/, '');
    return {
      ...harness.channel.message('', people.admin, 'personal'),
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          name,
          content: { downloadUrl: `${base}/files/${name}`, uniqueId: name },
        },
      ],
    };
  }

  /** Presses Confirm on the preview; gives the last card drawn in its place. */
  async function confirm(preview: RecordedCall): Promise<string> {
    const actions = cardOf(preview)['actions'] as { verb: string; data: object }[];
    const button = actions.find((a) => a.verb === 'import-confirm');
    if (!button) throw new Error('The preview has no Confirm');
    const before = harness.channel.sent.length;
    const activity = harness.channel.cardAction(
      'import-confirm',
      { ...button.data },
      people.admin,
      'personal',
      { message: preview },
    );
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
    const first = textOf(answer.body.value);
    if (!first.startsWith('Importing ')) return first;
    const last = await harness.channel.waitFor(
      (call) =>
        harness.channel.sent.indexOf(call) >= before &&
        call.kind === 'update' &&
        call.activityId === preview.createdId &&
        !textOf(cardOf(call)).startsWith('Importing '),
      30_000,
    );
    return textOf(cardOf(last));
  }

  it('adds a role the plan does not have with /assign and its title', async () => {
    const reply = await say(
      '/assign VCHAIR vice.chair@council.example Vice-chair of the SEND Improvement Board',
    );
    expect(reply).toContain('VCHAIR is now vice.chair@council.example');
    expect(reply).toContain('The plan workbook does not have it, so a re-import keeps it.');
    expect(await say('/assign VCHIAR someone@council.example')).toContain(
      'To add a role the plan does not have, give its title after the email',
    );
  });

  it('lists both agreed revisions in the draft digest before the re-import', async () => {
    const draft = await say('/digest draft');
    expect(draft).toContain('Dates revised since the last board (2)');
    expect(draft).toMatch(/C2: 31 Jul 2020 → 30 Apr 2021, decided by/);
  });

  it('previews, action by action, the agreed revision the workbook replaces, and the roles it keeps', async () => {
    const preview = await replyTo(harness, sendFile('wsoa.xlsx'));
    const text = textOf(cardOf(preview));
    expect(text).toContain(
      "C2: the workbook sets 31 Mar 2021; the board's revision to 30 Apr 2021, agreed by cd@council.example on 3 Feb 2021, will be replaced.",
    );
    expect(text).toContain(
      'Revised dates agreed by the board stay for B1: the workbook leaves its dates alone.',
    );
    expect(text).toContain(
      'Roles added with /assign stay, as the workbook does not have them: CHAIR (Chair of the SEND Improvement Board, chris.chair@council.example); VCHAIR (Vice-chair of the SEND Improvement Board, vice.chair@council.example).',
    );
    expect(text).not.toContain('removed (CHAIR');
    expect(await confirm(preview)).toContain('Imported wsoa.xlsx');
  });

  it('then counts the workbook’s date for C2, keeps B1’s revision, and the chair still reads the plan', async () => {
    const c2 = await say('/status C2', people.chair);
    expect(c2).toContain('31 Mar 2021');
    expect(c2).not.toContain('30 Apr 2021');
    const b1 = await say('/status B1', people.chair);
    expect(b1).toContain('30 Jun 2021');
    expect(b1).toContain('revised 1 time');
    const roles = await say('/roles');
    expect(roles).toContain(
      '**CHAIR** Chair of the SEND Improvement Board: chris.chair@council.example (added with /assign)',
    );
    expect(roles).toContain('**VCHAIR** Vice-chair of the SEND Improvement Board');
    expect(await say('/status', people.chair)).toContain(
      'Thurrock SEND Written Statement of Action',
    );
  });

  it('leaves the replaced revision out of the draft digest’s dates revised', async () => {
    const draft = await say('/digest draft');
    expect(draft).toContain('Dates revised since the last board (1)');
    expect(draft).toMatch(/B1: 30 Sept 2020 → 30 Jun 2021, decided by/);
    expect(draft).not.toMatch(/C2: 31 Jul 2020 → 30 Apr 2021/);
  });
});

/** A later date the chair agreed on 3 February 2021, after the January board. */
async function agree(
  revisions: BotHarness['store']['revisions'],
  ref: string,
  workstream: string,
  due: string,
  toDue: string,
): Promise<void> {
  const request: RevisionRequest = {
    id: `agreed-${ref}`,
    programmeId: 'wsoa',
    ref,
    workstream,
    askedBy: 'slsesend@council.example',
    askedAt: '2021-02-01T09:00:00.000Z',
    reason: 'Backlog of annual reviews after the summer.',
    fromDue: due,
    toDue,
    planDates: { due, revisedDue: null },
    decision: null,
  };
  await revisions.ask(request);
  await revisions.decide('wsoa', request.id, {
    outcome: 'approved',
    by: 'cd@council.example',
    at: '2021-02-03T10:00:00.000Z',
    reason: null,
  });
}
