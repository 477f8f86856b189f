import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from '../support/test-channel/test-channel.js';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

const outsider = testUser('Olly Outside', 'olly@elsewhere.example');

/** The same activity as if Teams had sent it from another tenant's user. */
function fromTenant(activity: Partial<Activity>, tenantId: string): Partial<Activity> {
  return {
    ...activity,
    conversation: { ...activity.conversation!, tenantId },
    channelData: { ...(activity.channelData as object), tenant: { id: tenantId } },
  };
}

describe('which tenants a single-tenant bot serves, with no ALLOWED_TENANTS', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    // The channel's settings: SingleTenant, MicrosoftAppTenantId set, ALLOWED_TENANTS unset.
    harness = await startSecurityHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('refuses another tenant’s user with 403, a plain message, and writes nothing', async () => {
    const { channel, bot } = harness;
    const before = await harness.storageSnapshot();
    const activity = fromTenant(
      channel.message('/status wsoa:A2', outsider, 'personal'),
      randomUUID(),
    );

    const response = await channel.send(bot.url, activity);

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'This bot serves Microsoft Teams in its own organisation only.',
      },
    });
    expect(harness.answered(activity)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);
  });

  it('serves its own tenant however Teams writes the id', async () => {
    const { channel, bot } = harness;
    const activity = fromTenant(
      channel.message('/help', people.chair, 'personal'),
      channel.tenantId.toUpperCase(),
    );

    expect((await channel.send(bot.url, activity)).status).toBe(200);
    await channel.waitFor((call) => call.activityId === activity.id);
  });
});

describe('a multi-tenant bot with ALLOWED_TENANTS', () => {
  let harness: SecurityHarness;
  const partner = randomUUID();

  beforeAll(async () => {
    harness = await startSecurityHarness({
      env: { MicrosoftAppType: 'MultiTenant', ALLOWED_TENANTS: partner.toUpperCase() },
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('serves a listed tenant and refuses an unlisted one, writing nothing for it', async () => {
    const { channel, bot } = harness;
    const listed = fromTenant(channel.message('/help', people.chair, 'personal'), partner);
    expect((await channel.send(bot.url, listed)).status).toBe(200);
    await channel.waitFor((call) => call.activityId === listed.id);

    const before = await harness.storageSnapshot();
    const unlisted = fromTenant(channel.message('/help', outsider, 'personal'), randomUUID());
    expect((await channel.send(bot.url, unlisted)).status).toBe(403);
    expect(harness.answered(unlisted)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);
  });
});
