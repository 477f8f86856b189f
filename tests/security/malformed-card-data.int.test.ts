import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startSecurityHarness, type SecurityHarness } from './security-harness.js';

describe('invokes whose value is not what Teams sends', () => {
  let harness: SecurityHarness;

  beforeAll(async () => {
    harness = await startSecurityHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it.each([
    ['adaptiveCard/action', 'an empty object', {}],
    ['adaptiveCard/action', 'a string', 'update'],
    ['adaptiveCard/action', 'an action with no verb', { action: { type: 'Action.Execute' } }],
    ['adaptiveCard/action', 'a Submit action', { action: { type: 'Action.Submit', verb: 'x' } }],
    ['fileConsent/invoke', 'a string', 'accept'],
    ['fileConsent/invoke', 'an unknown answer', { type: 'fileUpload', action: 'maybe' }],
  ] as const)('answers %s with %s with 400, and writes nothing', async (name, _, value) => {
    const { channel, bot } = harness;
    // The admin may do most, so a refusal here is about the data, not the person.
    const activity = channel.invoke(name, value, people.admin);
    const before = await harness.storageSnapshot();

    const response = await channel.send(bot.url, activity);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'BAD_INVOKE' } });
    expect(JSON.stringify(response.body)).toContain('value');
    expect(harness.answered(activity)).toBe(false);
    expect(await harness.storageSnapshot()).toBe(before);
  });
});
