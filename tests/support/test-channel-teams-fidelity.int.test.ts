import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestChannel, testUser, type TestChannel } from './test-channel/test-channel.js';

/** The test channel must not do what Teams cannot, and must do what Teams does after an install. */

let channel: TestChannel;
let receiver: Server;
let receiverUrl: string;
const received: { type: string; conversationType: string; authorised: boolean }[] = [];

beforeAll(async () => {
  channel = await startTestChannel();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        type: string;
        conversation: { conversationType: string };
      };
      received.push({
        type: body.type,
        conversationType: body.conversation.conversationType,
        authorised: (req.headers.authorization ?? '').startsWith('Bearer '),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await channel.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function connectorToken(): Promise<string> {
  const response = await fetch(
    `${channel.botEnv()['ToChannelFromBotLoginUrl']}/oauth2/v2.0/token`,
    {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: channel.appId,
        client_secret: channel.appPassword,
        scope: `${channel.botEnv()['ToChannelFromBotOAuthScope']}/.default`,
      }),
    },
  );
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('the test channel, as faithful to Teams', () => {
  it('answers a GET of an activity by id with 405, as Teams has no such API', async () => {
    const token = await connectorToken();
    const response = await fetch(
      `${channel.serviceUrl}v3/conversations/${encodeURIComponent('a:chat')}/activities/outbox-1`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(405);
    expect(channel.sent.at(-1)).toMatchObject({ kind: 'unsupported', status: 405 });
  });

  it('tells the bot about an install made through Graph, as Teams does', async () => {
    channel.sendInstallEventsTo(receiverUrl);
    const person = channel.graph.addUser(testUser('Ade Owner', 'ade@council.example'));
    channel.graph.installForUser(person);
    channel.graph.addTeam({ id: '19:t@thread.tacv2', displayName: 'Board', channelIds: [] });
    channel.graph.installInTeam(channel.graph.teams.get('19:t@thread.tacv2')!);
    await expect.poll(() => received.length).toBe(4);
    expect(received).toEqual(
      expect.arrayContaining([
        { type: 'installationUpdate', conversationType: 'personal', authorised: true },
        { type: 'conversationUpdate', conversationType: 'personal', authorised: true },
        { type: 'installationUpdate', conversationType: 'channel', authorised: true },
        { type: 'conversationUpdate', conversationType: 'channel', authorised: true },
      ]),
    );
    await expect
      .poll(() => channel.installEvents.map((e) => e.status))
      .toEqual([200, 200, 200, 200]);
  });

  it('gives a Graph token only for the Graph scope, carrying the consent granted so far', async () => {
    const token = async (scope: string) =>
      fetch(`${channel.graphEnv()['GRAPH_AUTHORITY_HOST']}/${channel.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: channel.appId,
          client_secret: channel.appPassword,
          scope,
        }),
      });
    expect((await token('https://example.org/.default')).status).toBe(400);
    expect((await token('https://graph.microsoft.com/.default')).status).toBe(200);
    const unauthenticated = await fetch(
      `${channel.graphEnv()['GRAPH_URL']}/users/ade@council.example`,
    );
    expect(unauthenticated.status).toBe(401);
  });
});
