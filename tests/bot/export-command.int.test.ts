import { createServer, type Server } from 'node:http';
import type { Activity, Attachment } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../src/app/import/read-xlsx.js';
import type { RecordedCall } from '../support/test-channel/test-channel.js';
import { people, replyTo, startBotHarness, type BotHarness } from './bot-harness.js';

interface Upload {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: Buffer;
}

/** Plays OneDrive's upload session: takes one PUT of the whole file and keeps it. */
async function startUploadServer(): Promise<{ url: string; uploads: Upload[]; server: Server }> {
  const uploads: Upload[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      uploads.push({ headers: req.headers, bytes: Buffer.concat(chunks) });
      res.writeHead(req.method === 'PUT' ? 201 : 405, { 'Content-Type': 'application/json' });
      res.end('{"id":"drive-item-1"}');
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, uploads, server };
}

function attachmentsOf(call: RecordedCall): Attachment[] {
  return (call.body as Partial<Activity>).attachments ?? [];
}

function textOfCall(call: RecordedCall): string {
  return (call.body as Partial<Activity>).text ?? '';
}

describe('/export over HTTP, with the Teams file consent flow', () => {
  let harness: BotHarness;
  let onedrive: Awaited<ReturnType<typeof startUploadServer>>;

  beforeAll(async () => {
    harness = await startBotHarness();
    onedrive = await startUploadServer();
  });

  afterAll(async () => {
    await harness.stop();
    await new Promise<void>((resolve) => onedrive.server.close(() => resolve()));
  });

  async function offer(): Promise<{ consent: Attachment; followUp: string }> {
    const activity = harness.channel.message('/export', people.admin, 'personal');
    const first = await replyTo(harness, activity);
    const second = await harness.channel.waitFor(
      (call) => call.activityId === activity.id && call !== first && textOfCall(call) !== '',
    );
    const consent = attachmentsOf(first)[0];
    if (!consent) throw new Error('No consent card was sent.');
    return { consent, followUp: textOfCall(second) };
  }

  it('offers the board pack with a file consent card in personal chat', async () => {
    const { consent, followUp } = await offer();
    expect(consent.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(consent.name).toBe('wsoa-board-pack-2021-03-01.xlsx');
    expect(consent.content).toMatchObject({
      description:
        'Board pack of Thurrock SEND Written Statement of Action: 12 actions over 8 periods.',
      acceptContext: { programmeId: 'wsoa', fileName: 'wsoa-board-pack-2021-03-01.xlsx' },
    });
    expect(followUp).toContain('Press Allow on the card above');
  });

  it('on Allow, puts the workbook at the upload address and shows the file', async () => {
    const { consent } = await offer();
    const content = consent.content as { acceptContext: unknown };
    const invoke = harness.channel.invoke(
      'fileConsent/invoke',
      {
        type: 'fileUpload',
        action: 'accept',
        context: content.acceptContext,
        uploadInfo: {
          name: 'wsoa-board-pack-2021-03-01.xlsx',
          uploadUrl: `${onedrive.url}/upload/session-1`,
          contentUrl: 'https://council-my.sharepoint.example/personal/ada/pack.xlsx',
          uniqueId: 'unique-1',
          fileType: 'xlsx',
        },
      },
      people.admin,
      'personal',
    );
    const response = await harness.channel.send(harness.bot.url, invoke);
    expect(response.status).toBe(200);
    const shown = await harness.channel.waitFor(
      (call) =>
        call.activityId === invoke.id &&
        attachmentsOf(call)[0]?.contentType === 'application/vnd.microsoft.teams.card.file.info',
    );
    expect(attachmentsOf(shown)[0]).toMatchObject({
      name: 'wsoa-board-pack-2021-03-01.xlsx',
      contentUrl: 'https://council-my.sharepoint.example/personal/ada/pack.xlsx',
      content: { uniqueId: 'unique-1', fileType: 'xlsx' },
    });
    const upload = onedrive.uploads.at(-1);
    if (!upload) throw new Error('Nothing was uploaded.');
    const size = upload.bytes.length;
    expect(upload.headers['content-range']).toBe(`bytes 0-${size - 1}/${size}`);
    const workbook = await readXlsxWorkbook(upload.bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Grid', 'Ratings']));
  });

  it('on Decline, says so and uploads nothing', async () => {
    const before = onedrive.uploads.length;
    const invoke = harness.channel.invoke(
      'fileConsent/invoke',
      { type: 'fileUpload', action: 'decline', context: { programmeId: 'wsoa', fileName: 'x' } },
      people.admin,
      'personal',
    );
    expect((await harness.channel.send(harness.bot.url, invoke)).status).toBe(200);
    const reply = await harness.channel.waitFor((call) => call.activityId === invoke.id);
    expect(textOfCall(reply)).toContain('I have not sent the board pack');
    expect(onedrive.uploads.length).toBe(before);
  });

  it('sends files only in personal chat, and only to admins', async () => {
    const inChannel = await replyTo(
      harness,
      harness.channel.message('/export', people.admin, 'channel'),
    );
    expect(JSON.stringify(inChannel.body)).toContain('I send the board pack in our personal chat');
    const notAdmin = await replyTo(
      harness,
      harness.channel.message('/export', people.chair, 'personal'),
    );
    expect(JSON.stringify(notAdmin.body)).toContain('I do not know the command');
  });
});
