import { createServer, type Server } from 'node:http';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/import/workbook-download.js';
import { textOf } from '../bot/bot-harness.js';
import type { RecordedCall } from '../support/test-channel/test-channel.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

/** A loopback server that counts every request it gets; `redirectTo` makes it answer 307. */
async function startCountingServer(redirectTo?: string): Promise<{
  url: string;
  hits: () => number;
  server: Server;
}> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on('end', () => {
      if (redirectTo !== undefined) res.writeHead(307, { location: redirectTo });
      else res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, server };
}

function textOfCall(call: RecordedCall): string {
  const body = call.body as Partial<Activity>;
  return body.text ?? textOf(body.attachments?.[0]?.content);
}

describe('files the bot fetches and uploads go only to the file hosts', () => {
  let harness: SecurityHarness;
  let elsewhere: Awaited<ReturnType<typeof startCountingServer>>;
  let redirector: Awaited<ReturnType<typeof startCountingServer>>;

  beforeAll(async () => {
    harness = await startSecurityHarness();
    elsewhere = await startCountingServer();
    redirector = await startCountingServer(`${elsewhere.url}/stolen`);
    const hello = harness.channel.message('/help', people.admin, 'personal');
    await harness.channel.send(harness.bot.url, hello);
    await harness.channel.waitFor((call) => call.activityId === hello.id);
  });

  afterAll(async () => {
    await harness?.stop();
    for (const each of [elsewhere, redirector]) {
      await new Promise<void>((resolve) => each?.server.close(() => resolve()));
    }
  });

  function sendFile(name: string, downloadUrl: string): Partial<Activity> {
    return {
      ...harness.channel.message('', people.admin, 'personal'),
      attachments: [
        { contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl, uniqueId: name } },
      ],
    };
  }

  const downloads = () => harness.channel.sent.filter((call) => call.kind === 'download').length;

  async function answerTo(activity: Partial<Activity>): Promise<string> {
    expect((await harness.channel.send(harness.bot.url, activity)).status).toBe(200);
    return textOfCall(await harness.channel.waitFor((call) => call.activityId === activity.id));
  }

  it.each([
    [
      'an https address on this machine',
      'https://127.0.0.1:9/wsoa.xlsx',
      '127.0.0.1 is not a OneDrive',
    ],
    [
      'an https address that is not OneDrive or SharePoint',
      'https://files.attacker.example/wsoa.xlsx',
      'files.attacker.example is not a OneDrive',
    ],
    ['a look-alike host', 'https://sharepoint.com.attacker.example/wsoa.xlsx', 'is not a OneDrive'],
    ['plain http elsewhere', 'http://10.0.0.1/wsoa.xlsx', 'not a secure (https) address'],
  ])('will not fetch a workbook from %s, and writes nothing', async (_, address, reason) => {
    const before = await harness.storageSnapshot();
    const fetched = downloads();

    const text = await answerTo(sendFile('wsoa.xlsx', address));

    expect(text).toContain('I will not fetch wsoa.xlsx');
    expect(text).toContain(reason);
    expect(downloads()).toBe(fetched);
    expect(await harness.storageSnapshot()).toBe(before);
  });

  it('checks the address a download redirects to, and does not follow it elsewhere', async () => {
    const before = await harness.storageSnapshot();
    const address = harness.channel.serveRedirect('moved.xlsx', 'https://evil.example/moved.xlsx');

    const text = await answerTo(sendFile('moved.xlsx', address));

    expect(text).toContain('evil.example is not a OneDrive');
    expect(await harness.storageSnapshot()).toBe(before);
  });

  async function acceptBoardPack(uploadUrl: string): Promise<string> {
    const offer = harness.channel.message('/export', people.admin, 'personal');
    expect((await harness.channel.send(harness.bot.url, offer)).status).toBe(200);
    const consentCall = await harness.channel.waitFor(
      (call) =>
        call.activityId === offer.id &&
        (call.body as Partial<Activity>).attachments?.[0]?.contentType ===
          'application/vnd.microsoft.teams.card.file.consent',
    );
    const consent = (consentCall.body as Partial<Activity>).attachments?.[0];
    const content = consent?.content as { acceptContext: unknown };
    const invoke = harness.channel.invoke(
      'fileConsent/invoke',
      {
        type: 'fileUpload',
        action: 'accept',
        context: content.acceptContext,
        uploadInfo: { name: 'pack.xlsx', uploadUrl, uniqueId: 'u1', fileType: 'xlsx' },
      },
      people.admin,
      'personal',
    );
    const before = await harness.storageSnapshot();
    expect((await harness.channel.send(harness.bot.url, invoke)).status).toBe(200);
    const text = textOfCall(await harness.channel.waitFor((call) => call.activityId === invoke.id));
    expect(await harness.storageSnapshot()).toBe(before);
    return text;
  }

  it.each([
    ['plain http elsewhere', 'http://10.0.0.1/upload', 'not a secure (https) address'],
    [
      'an https host that is not OneDrive or SharePoint',
      'https://upload.attacker.example/s',
      'upload.attacker.example is not a OneDrive',
    ],
  ])('will not upload the board pack to %s', async (_, uploadUrl, reason) => {
    const text = await acceptBoardPack(uploadUrl);
    expect(text).toContain('The upload to your OneDrive failed');
    expect(text).toContain(reason);
    expect(text).toContain('Nothing was saved');
  });

  it('does not follow an upload address that redirects', async () => {
    const text = await acceptBoardPack(`${redirector.url}/upload/session`);

    expect(text).toContain('The upload to your OneDrive failed (the upload address redirected)');
    expect(redirector.hits()).toBe(1);
    expect(elsewhere.hits()).toBe(0);
  });
});
