import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../src/app/digest/digest.use-case.js';
import { silentLogger } from '../../src/app/logger.js';
import { createMessageBudget } from '../../src/cards/message-budget.js';
import { digestSchedule } from '../../src/domain/digest-schedule.js';
import { unavailableInstaller } from '../../src/graph/graph-app-installer.js';
import { readSchedulerConfig } from '../../src/scheduler/scheduler-config.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createBotAuthentication } from '../../src/server/bot-authentication.js';
import { createProactiveScheduler } from '../../src/server/compose-scheduler.js';
import { ServerAdapter } from '../../src/server/server-adapter.js';
import { readServerConfig } from '../../src/server/server-config.js';
import type { TestUser } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  NOW,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

/**
 * `/link board <channel link>` typed in a personal chat, for a channel of a team the app is not
 * in: the service installs the app in the team through Graph (the test channel's), links the
 * channel, and the digest reaches it. The test channel refuses posts in a team the app is not
 * in (403 BotNotInConversationRoster), as Teams does.
 */

const PERMISSION = 'TeamsAppInstallation.ReadWriteSelfForTeam.All';
let harness: BotHarness;

beforeEach(async () => {
  harness = await startBotHarness({ graph: true });
  harness.channel.sendInstallEventsTo(harness.bot.url);
});
afterEach(() => harness.stop());

/** A team in the tenant's directory, with General and a board channel; the app not in it. */
function addTeam(name: string) {
  const slug = `${name.toLowerCase().replace(/\W+/g, '')}${randomUUID().slice(0, 8)}`;
  const general = `19:${slug}general@thread.tacv2`;
  const board = `19:${slug}board@thread.tacv2`;
  const team = harness.channel.graph.addTeam({
    id: randomUUID(),
    displayName: name,
    channelIds: [general, board],
  });
  return { team, general, board };
}

/** The link Teams copies with "Get link to channel": the id escaped in lower case, as Teams does. */
function channelLink(channelId: string, name: string, teamId: string, tenantId: string): string {
  const id = channelId.replace(':', '%3a').replace('@', '%40');
  return `https://teams.microsoft.com/l/channel/${id}/${encodeURIComponent(name)}?groupId=${teamId}&tenantId=${tenantId}`;
}

async function say(text: string, who: TestUser = people.admin): Promise<string> {
  const activity = harness.channel.message(text, who, 'personal');
  return textOf(cardOf(await replyTo(harness, activity)));
}

const teamInstalls = (status: number) =>
  harness.channel.graph.calls.filter(
    (call) => call.method === 'POST' && call.path.includes('/teams/') && call.status === status,
  );

/** The scheduler at the first board digest due after the harness's today, sending through the channel. */
async function sendTheNextDigest() {
  const { store, channel } = harness;
  const programme = await store.programmes.get('wsoa');
  const due = digestSchedule(programme!).find((d) => d.sendAt > new Date(NOW));
  if (!due) throw new Error('The sample calendar has no board digest after today.');
  const timer = createManualTimer(due.sendAt);
  const config = readServerConfig({ ...channel.botEnv(), PORT: '0', HOST: '127.0.0.1' });
  const scheduler = createProactiveScheduler({
    store,
    adapter: new ServerAdapter(createBotAuthentication(config.auth, [])),
    appId: channel.appId,
    config: readSchedulerConfig({}),
    logger: silentLogger,
    metrics: noSendMetrics,
    installer: unavailableInstaller('not needed for a digest'),
    budget: createMessageBudget(),
    boards: store.links,
    digest: createDigestUseCase({ ...store, clock: timer, publicBaseUrl: null }),
    timer,
    instanceId: 'test',
  });
  try {
    await scheduler.tick();
  } finally {
    await scheduler.stop();
  }
  return due;
}

describe('/link board with a channel link, for a team the app is not in', () => {
  it('installs the app in the team, links the channel, and the next digest is posted there', async () => {
    const { channel, store } = harness;
    channel.graph.granted.add(PERMISSION);
    const { team, general, board } = addTeam('Improvement Board');
    const link = channelLink(board, 'SEND Board', team.id, channel.tenantId);

    const reply = await say(`/link board ${link}`);
    expect(reply).toContain('SEND Board is now the board channel of wsoa');
    expect(reply).toContain('I added Action Tracker to its team');
    expect(channel.graph.teamInstalls.has(team.id)).toBe(true);
    expect(teamInstalls(201)).toHaveLength(1);
    expect(await store.links.get(board)).toMatchObject({ programmeId: 'wsoa', board: true });
    // Teams tells the bot about the install in General; the bot takes both events.
    await expect.poll(() => channel.installEvents.map((e) => e.status)).toEqual([200, 200]);
    expect(await store.conversations.get(general)).toMatchObject({ kind: 'channel' });

    const due = await sendTheNextDigest();
    const posted = channel.sent.filter((c) => c.kind === 'post' && c.conversationId === board);
    expect(posted.map((c) => c.status)).toEqual([201]);
    const text = JSON.stringify(posted[0]?.body);
    expect(text).toContain('Written Statement of Action');
    expect(text).toContain(due.periodId);
  });

  it('takes an app already in the team (409) as success and links the channel', async () => {
    const { channel, store } = harness;
    channel.graph.granted.add(PERMISSION);
    const { team, board } = addTeam('Scrutiny');
    channel.graph.installInTeam(team);

    const reply = await say(
      `/link board ${channelLink(board, 'Board', team.id, channel.tenantId)}`,
    );
    expect(reply).toContain('Board is now the board channel of wsoa');
    expect(reply).toContain('Action Tracker was already in its team');
    expect(teamInstalls(409)).toHaveLength(1);
    expect(await store.links.get(board)).toMatchObject({ board: true });
  });

  it('waits out a 429 from Graph for its Retry-After, then installs and links', async () => {
    const { channel, store } = harness;
    channel.graph.granted.add(PERMISSION);
    channel.graph.throttle({ count: 1, retryAfterSeconds: 1, method: 'POST' });
    const { team, board } = addTeam('Improvement Board');

    const reply = await say(
      `/link board ${channelLink(board, 'Board', team.id, channel.tenantId)}`,
    );
    expect(reply).toContain('Board is now the board channel of wsoa');
    expect(teamInstalls(429)).toHaveLength(1);
    expect(teamInstalls(201)).toHaveLength(1);
    expect(await store.links.get(board)).toMatchObject({ board: true });
  });

  it('without consent (403), names the permission to grant and links nothing', async () => {
    const { channel, store } = harness;
    const { team, board } = addTeam('Improvement Board');

    const reply = await say(
      `/link board ${channelLink(board, 'Board', team.id, channel.tenantId)}`,
    );
    expect(reply).toContain('I may not add Action Tracker to that team yet');
    expect(reply).toContain(PERMISSION);
    expect(reply).toContain('Nothing has been linked.');
    expect(teamInstalls(403)).toHaveLength(1);
    expect(await store.links.get(board)).toBeNull();
    expect(await store.conversations.get(board)).toBeNull();
  });

  it('says so when Graph does not know the team (404), and links nothing', async () => {
    const { channel, store } = harness;
    channel.graph.granted.add(PERMISSION);
    const missing = randomUUID();
    const board = '19:gone@thread.tacv2';

    const reply = await say(
      `/link board ${channelLink(board, 'Board', missing, channel.tenantId)}`,
    );
    expect(reply).toContain('Microsoft Graph does not know that team');
    expect(reply).toContain(missing);
    expect(teamInstalls(404)).toHaveLength(1);
    expect(await store.links.get(board)).toBeNull();
  });

  it('refuses what is not a channel link, saying what to paste and where to find it', async () => {
    const { channel } = harness;
    const { team, board } = addTeam('Improvement Board');
    const notTeams = await say('/link board https://example.org/send-board');
    expect(notTeams).toContain('That is not a link to a Teams channel');
    expect(notTeams).toContain('That web address is not a Microsoft Teams link.');
    expect(notTeams).toContain('Get link to channel');

    const teamLink = `https://teams.microsoft.com/l/team/${board.replace(':', '%3a').replace('@', '%40')}/conversations?groupId=${team.id}&tenantId=${channel.tenantId}`;
    expect(await say(`/link board ${teamLink}`)).toContain('That is a link to a whole team');

    const cut = channelLink(board, 'Board', team.id, channel.tenantId).split('&tenantId')[0]!;
    expect(await say(`/link board ${cut}`)).toContain('That channel link is not whole');
    expect(channel.graph.calls).toHaveLength(0);
  });

  it('refuses a channel of another organisation without asking Graph', async () => {
    const { channel, store } = harness;
    channel.graph.granted.add(PERMISSION);
    const { team, board } = addTeam('Partner Board');
    const reply = await say(`/link board ${channelLink(board, 'Board', team.id, randomUUID())}`);
    expect(reply).toContain('That channel is in another organisation');
    expect(channel.graph.calls).toHaveLength(0);
    expect(await store.links.get(board)).toBeNull();
  });

  it('refuses someone who is not an admin, and installs nothing', async () => {
    const { channel, store } = harness;
    channel.graph.granted.add(PERMISSION);
    const { team, board } = addTeam('Improvement Board');
    const link = channelLink(board, 'Board', team.id, channel.tenantId);
    expect(await say(`/link board ${link}`, people.chair)).toContain(
      'Only programme admins can use /link',
    );
    expect(channel.graph.calls).toHaveLength(0);
    expect(channel.graph.teamInstalls.has(team.id)).toBe(false);
    expect(await store.links.get(board)).toBeNull();
  });
});
