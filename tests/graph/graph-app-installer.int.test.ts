import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppInstaller } from '../../src/graph/create-app-installer.js';
import { readGraphConfig } from '../../src/graph/graph-config.js';
import {
  startTestChannel,
  testUser,
  type TestChannel,
} from '../support/test-channel/test-channel.js';

const owner = testUser('Olu Owner', 'olu.owner@council.example');
const known = testUser('Kim Known', 'kim.known@council.example');
const partner = testUser('Pat Partner', 'pat.partner@nhs.example');
const TEAM = 'c3b1b5a4-6e0e-4f5e-9d0a-0b7a8d1e2f31';
const GENERAL = '19:improvement-board-general@thread.tacv2';

let channel: TestChannel;
const sleeps: number[] = [];

beforeAll(async () => {
  channel = await startTestChannel();
  channel.graph.addUser(owner);
  channel.graph.addUser(known);
  // NHS partners often have a UPN that is not their mail address.
  channel.graph.addUser(partner, { upn: 'ppartner@nhs.example' });
  channel.graph.preinstall(channel.graph.findUser(known.aadObjectId)!);
  channel.graph.addTeam({ id: TEAM, displayName: 'Improvement board', channelIds: [GENERAL] });
});

afterAll(() => channel.stop());

afterEach(() => {
  channel.graph.throttle(null);
  channel.graph.granted.clear();
  sleeps.length = 0;
});

function installer(env: Record<string, string> = {}) {
  const config = readGraphConfig({ ...channel.botEnv(), ...channel.graphEnv(), ...env });
  return createAppInstaller(config, {
    now: () => Date.now(),
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  }).installer;
}

function grantAll(): void {
  channel.graph.granted.add('User.Read.All');
  channel.graph.granted.add('TeamsAppInstallation.ReadWriteSelfForUser.All');
  channel.graph.granted.add('TeamsAppInstallation.ReadWriteSelfForTeam.All');
}

const callsSince = (from: number) =>
  channel.graph.calls.slice(from).map((c) => `${c.method} ${c.path} → ${c.status}`);

describe('installing the app through Microsoft Graph', () => {
  it('installs it for someone who never opened it and finds their chat with the bot', async () => {
    grantAll();
    const from = channel.graph.calls.length;
    const result = await installer().installForPerson(owner.email);
    const user = channel.graph.findUser(owner.email)!;
    expect(result).toEqual({
      ok: true,
      chat: {
        userId: owner.aadObjectId,
        email: owner.email,
        name: owner.name,
        chatId: channel.graph.chatIdOf(user),
        tenantId: channel.tenantId,
        alreadyInstalled: false,
      },
    });
    expect(callsSince(from)).toEqual([
      `GET /users/${owner.email} → 200`,
      `POST /users/${owner.aadObjectId}/teamwork/installedApps → 201`,
      `GET /users/${owner.aadObjectId}/teamwork/installedApps → 200`,
      `GET /users/${owner.aadObjectId}/teamwork/installedApps/${channel.graph.personalInstalls.get(owner.aadObjectId)}/chat → 200`,
    ]);
  });

  it('takes 409 (already installed) as success, by object id as well as by email', async () => {
    grantAll();
    const result = await installer().installForPerson(known.aadObjectId);
    expect(result.ok && result.chat.alreadyInstalled).toBe(true);
    expect(result.ok && result.chat.chatId).toBe(
      channel.graph.chatIdOf(channel.graph.findUser(known.aadObjectId)!),
    );
    expect(channel.graph.calls.at(-3)?.status).toBe(409);
  });

  it('finds a person whose sign-in name differs from their mail by that sign-in name', async () => {
    grantAll();
    const result = await installer().installForPerson('PPartner@nhs.example');
    expect(result.ok && result.chat.email).toBe('pat.partner@nhs.example');
  });

  it('says which permission to grant when admin consent is missing, and asks Graph once', async () => {
    channel.graph.granted.add('User.Read.All');
    const from = channel.graph.calls.length;
    const result = await installer().installForPerson(
      partner.email.replace('pat.partner', 'ppartner'),
    );
    expect(result).toMatchObject({
      ok: false,
      failure: {
        kind: 'no-permission',
        permission: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
      },
    });
    expect(callsSince(from).filter((c) => c.startsWith('POST'))).toHaveLength(1);
  });

  it('names User.Read.All when the directory cannot be read', async () => {
    const result = await installer().installForPerson(owner.email);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'no-permission', permission: 'User.Read.All' },
    });
    expect(!result.ok && result.failure.message).toContain('admin consent');
  });

  it('reports someone the directory does not know as not found', async () => {
    grantAll();
    const result = await installer().installForPerson('left.in.2019@council.example');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not-found' } });
  });

  it('waits out a 429 for the Retry-After Graph gives, then carries on', async () => {
    grantAll();
    channel.graph.throttle({ count: 1, retryAfterSeconds: 1, method: 'POST' });
    const from = channel.graph.calls.length;
    const result = await installer().installForPerson(owner.email);
    expect(result.ok).toBe(true);
    expect(sleeps).toEqual([1000]);
    expect(callsSince(from).filter((c) => c.startsWith('POST'))).toEqual([
      `POST /users/${owner.aadObjectId}/teamwork/installedApps → 429`,
      `POST /users/${owner.aadObjectId}/teamwork/installedApps → 409`,
    ]);
  });

  it('hands back a long Retry-After as a transient failure rather than waiting it out', async () => {
    grantAll();
    channel.graph.throttle({ count: 10, retryAfterSeconds: 120 });
    const result = await installer().installForPerson(owner.email);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'transient', status: 429, retryAfterMs: 120_000 },
    });
    expect(sleeps).toEqual([]);
  });

  it('refuses, without retrying, when the app is not in the catalogue', async () => {
    grantAll();
    const result = await installer({ GRAPH_TEAMS_APP_ID: 'not-our-app' }).installForPerson(
      owner.email,
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'refused', status: 404 } });
    expect(!result.ok && result.failure.message).toContain('GRAPH_TEAMS_APP_ID');
  });

  it('says the credentials are wrong when the identity platform refuses them', async () => {
    const result = await installer({ MicrosoftAppPassword: 'wrong' }).installForPerson(owner.email);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'refused', status: 401 } });
    expect(!result.ok && result.failure.message).toContain('MicrosoftAppPassword');
  });

  it('installs in a team, takes 409 as success, and names the team permission on 403', async () => {
    const teams = installer();
    expect(await teams.installInTeam(TEAM)).toMatchObject({
      ok: false,
      failure: {
        kind: 'no-permission',
        permission: 'TeamsAppInstallation.ReadWriteSelfForTeam.All',
      },
    });
    grantAll();
    // Consent shows in tokens issued after it, so a fresh installer (new token) sees it.
    const consented = installer();
    expect(await consented.installInTeam(TEAM)).toEqual({
      ok: true,
      teamId: TEAM,
      alreadyInstalled: false,
    });
    expect(await consented.installInTeam(TEAM)).toEqual({
      ok: true,
      teamId: TEAM,
      alreadyInstalled: true,
    });
    expect(await consented.installInTeam('0e5f2a61-7f43-4c36-8b0e-3d2f9a6c1b77')).toMatchObject({
      ok: false,
      failure: { kind: 'not-found' },
    });
  });

  it('asks the identity platform for one token and reuses it', async () => {
    grantAll();
    const before = channel.graphTokenRequests;
    const same = installer();
    await same.installForPerson(owner.email);
    await same.installForPerson(known.email);
    expect(channel.graphTokenRequests - before).toBe(1);
  });

  it('is off, saying why, without the catalogue id', async () => {
    const result = await installer({ GRAPH_TEAMS_APP_ID: '' }).installForPerson(owner.email);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not-configured' } });
    expect(!result.ok && result.failure.message).toContain('GRAPH_TEAMS_APP_ID');
  });
});
