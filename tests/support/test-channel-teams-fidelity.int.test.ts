import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestChannel, testUser, type TestChannel } from './test-channel/test-channel.js';

/** The test channel must not do what Teams cannot, and must do what Teams does after an install. */

let channel: TestChannel;
let receiver: Server;
let receiverUrl: string;
const received: { type: string; conversationType: string; authorised: boolean }[] = [];
const teamsNamed: unknown[] = [];

beforeAll(async () => {
  channel = await startTestChannel();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        type: string;
        conversation: { conversationType: string };
        channelData?: { team?: unknown };
      };
      if (body.channelData?.team) teamsNamed.push(body.channelData.team);
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
    const team = channel.graph.addTeam({
      id: 'b7f1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      displayName: 'Board',
      channelIds: ['19:board-general@thread.tacv2'],
    });
    channel.graph.installInTeam(team);
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
    // Activities name a team by its General channel's id; Graph knows it by its group id.
    expect(teamsNamed).toContainEqual({
      id: '19:board-general@thread.tacv2',
      name: 'Board',
      aadGroupId: 'b7f1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
  });

  it('refuses a post in a team the app is not in with 403 BotNotInConversationRoster', async () => {
    const token = await connectorToken();
    const team = channel.graph.addTeam({
      id: '5d0c9a8b-1e2f-4a3b-9c4d-6e7f8a9b0c1d',
      displayName: 'Scrutiny',
      channelIds: ['19:scrutiny-general@thread.tacv2', '19:scrutiny-board@thread.tacv2'],
    });
    const post = () =>
      fetch(
        `${channel.serviceUrl}v3/conversations/${encodeURIComponent('19:scrutiny-board@thread.tacv2')}/activities`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'Digest' }),
        },
      );
    const refused = await post();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'BotNotInConversationRoster' } });
    channel.graph.installInTeam(team);
    expect((await post()).status).toBe(201);
    const thread = await fetch(`${channel.serviceUrl}v3/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        isGroup: true,
        channelData: { channel: { id: '19:scrutiny-board@thread.tacv2' } },
        activity: { type: 'message', text: 'Digest' },
      }),
    });
    const created = (await thread.json()) as { id: string; activityId: string };
    expect(created.id).toBe(`19:scrutiny-board@thread.tacv2;messageid=${created.activityId}`);
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
