import { describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../../src/app/admin/admin-directory.js';
import { createBoardChannelUseCase } from '../../../src/app/admin/board-channel.use-case.js';
import { createLinksUseCase } from '../../../src/app/admin/links.use-case.js';
import type { AppInstaller, TeamInstallResult } from '../../../src/app/ports/app-installer.js';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { createMemoryAdminRepository } from '../../../src/store/memory-admin.repository.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { readFixture } from '../import/plan-workbooks.js';
import { ADMIN } from './admin-harness.js';

const TEAM = '4d1c7b6a-2f3e-4a5b-8c9d-0e1f2a3b4c5d';
const TENANT = '9a8b7c6d-5e4f-4321-8765-43210fedcba9';
const CHANNEL = '19:send-board@thread.tacv2';
const LINK = `https://teams.microsoft.com/l/channel/19%3asend-board%40thread.tacv2/Board?groupId=${TEAM}&tenantId=${TENANT}`;
const ENDPOINT = { serviceUrl: 'https://smba.trafficmanager.net/emea/', botId: '28:bot' };

/** The use case over a memory store holding the sample plan, with Graph answering `answer`. */
async function boardChannel(answer: TeamInstallResult) {
  const store = createMemoryStore();
  const parsed = parsePlan(await readFixture('sample'), { id: 'wsoa', name: 'Thurrock WSoA' });
  if (!parsed.ok) throw new Error('The sample plan should be valid.');
  await store.plans.replace(parsed.plan);
  const clock = { now: () => new Date('2021-03-01T10:00:00Z') };
  const directory = createAdminDirectory({
    configured: ['admin@council.example'],
    admins: createMemoryAdminRepository(),
  });
  const asked: string[] = [];
  const installer: Pick<AppInstaller, 'installInTeam'> = {
    installInTeam: (teamId) => {
      asked.push(teamId);
      return Promise.resolve(answer);
    },
  };
  const useCase = createBoardChannelUseCase({
    directory,
    programmes: store.programmes,
    installer,
    conversations: store.conversations,
    conversationOf: (channel, endpoint) => ({
      key: channel.channelId,
      kind: 'channel',
      tenantId: channel.tenantId,
      aadObjectId: null,
      email: null,
      reference: { serviceUrl: endpoint.serviceUrl, conversation: { id: channel.channelId } },
      updatedAt: clock.now().toISOString(),
    }),
    links: createLinksUseCase({
      directory,
      programmes: store.programmes,
      links: store.links,
      clock,
    }),
  });
  const link = (programmeId = 'wsoa') =>
    useCase.linkByAddress(ADMIN, {
      address: LINK,
      programmeId,
      tenantId: TENANT,
      endpoint: ENDPOINT,
    });
  return { store, asked, link };
}

describe('linking a board channel by its link', () => {
  it('keeps a reference Teams gave for the channel rather than the one it would make', async () => {
    const { store, link } = await boardChannel({ ok: true, teamId: TEAM, alreadyInstalled: true });
    const fromTeams = {
      key: CHANNEL,
      kind: 'channel' as const,
      tenantId: TENANT,
      aadObjectId: null,
      email: null,
      reference: { serviceUrl: 'https://smba.trafficmanager.net/uk/', from: 'teams' },
      updatedAt: '2021-02-01T00:00:00.000Z',
    };
    await store.conversations.save(fromTeams);
    expect(await link()).toMatchObject({ ok: true, value: { installed: false } });
    expect(await store.conversations.get(CHANNEL)).toEqual(fromTeams);
    expect(await store.links.get(CHANNEL)).toMatchObject({ programmeId: 'wsoa', board: true });
  });

  it('links nothing when proactive install is off, and says why', async () => {
    const { store, link } = await boardChannel({
      ok: false,
      failure: {
        kind: 'not-configured',
        message: 'Proactive install is off: GRAPH_TEAMS_APP_ID is not set.',
      },
    });
    expect(await link()).toEqual({
      ok: false,
      failure: {
        code: 'INSTALL_OFF',
        detail: 'Proactive install is off: GRAPH_TEAMS_APP_ID is not set.',
      },
    });
    expect(await store.links.get(CHANNEL)).toBeNull();
    expect(await store.conversations.get(CHANNEL)).toBeNull();
  });

  it('links nothing when Graph stays busy, so the admin can try again', async () => {
    const { store, link } = await boardChannel({
      ok: false,
      failure: { kind: 'transient', status: 503, retryAfterMs: null, message: 'Graph is down.' },
    });
    expect(await link()).toMatchObject({ ok: false, failure: { code: 'INSTALL_BUSY' } });
    expect(await store.links.get(CHANNEL)).toBeNull();
  });

  it('asks Graph nothing for a programme that does not exist', async () => {
    const { asked, store, link } = await boardChannel({
      ok: true,
      teamId: TEAM,
      alreadyInstalled: false,
    });
    expect(await link('nope')).toEqual({ ok: false, failure: { code: 'PROGRAMME_NOT_FOUND' } });
    expect(asked).toEqual([]);
    expect(await store.conversations.get(CHANNEL)).toBeNull();
  });
});
