import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../../src/app/import/xlsx-limits.js';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import { cardOf, textOf } from '../bot/bot-harness.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';
import { sheetWithRows, workbookParts, zipOf } from './support/zip-parts.js';

describe('workbooks that would eat memory, sent to the bot in Teams', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    harness = await startSecurityHarness();
    // The admin has talked to the bot before, so the refusal below is the only thing that could write.
    const hello = harness.channel.message('/help', people.admin, 'personal');
    await harness.channel.send(harness.bot.url, hello);
    await harness.channel.waitFor((call) => call.activityId === hello.id);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  function sendFile(name: string, bytes: Uint8Array): Partial<Activity> {
    const downloadUrl = harness.channel.serveFile(name, bytes);
    return {
      ...harness.channel.message('', people.admin, 'personal'),
      attachments: [
        { contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl, uniqueId: name } },
      ],
    };
  }

  async function refusalOf(name: string, bytes: Uint8Array): Promise<string> {
    const before = await harness.storageSnapshot();
    const activity = sendFile(name, bytes);
    expect((await harness.channel.send(harness.bot.url, activity)).status).toBe(200);
    const reply = await harness.channel.waitFor((call) => call.activityId === activity.id);
    expect(await harness.storageSnapshot()).toBe(before);
    return textOf(cardOf(reply));
  }

  it('refuses a zip bomb (a 40 MB part packed into a few kilobytes) before loading it', async () => {
    const bomb = zipOf([
      ...workbookParts(['Actions']),
      { name: 'xl/worksheets/sheet1.xml', bytes: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);

    const text = await refusalOf('bomb.xlsx', bomb);

    expect(text).toContain('The workbook is too big to import');
    expect(text).toContain('more than 32 MB in one part once unpacked; at most 32 can be read');
    expect(text).not.toContain('Confirm import');
  });

  it('refuses a part that claims to be small but unpacks to more than the limit', async () => {
    const liar = zipOf([
      ...workbookParts(['Actions']),
      {
        name: 'xl/worksheets/sheet1.xml',
        bytes: Buffer.alloc(40 * 1024 * 1024, 0x20),
        claimedSize: 1024,
      },
    ]);

    expect(await refusalOf('liar.xlsx', liar)).toContain('MB in one part once unpacked');
  });

  it('refuses a sheet with too many rows, naming the sheet and the limit', async () => {
    const rows = XLSX_LIMITS.maxRowsPerSheet + 1;
    const workbook = zipOf([
      ...workbookParts(['Workstreams', 'Ratings']),
      { name: 'xl/worksheets/sheet1.xml', bytes: sheetWithRows(3) },
      { name: 'xl/worksheets/sheet2.xml', bytes: sheetWithRows(rows) },
    ]);

    const text = await refusalOf('rows.xlsx', workbook);

    expect(text).toContain('Ratings');
    expect(text).toContain(
      `${rows.toLocaleString('en-GB')} rows in this sheet; at most ${XLSX_LIMITS.maxRowsPerSheet.toLocaleString('en-GB')} can be read`,
    );
  });

  it('refuses a file that is not a zip at all with a clear reason', async () => {
    const text = await refusalOf('notes.xlsx', Buffer.from('these are my notes, not a workbook'));
    expect(text).toContain('The file could not be read');
    expect(text).toContain('not an .xlsx file');
  });
});
