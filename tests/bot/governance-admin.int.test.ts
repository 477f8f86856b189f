import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestScope } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

describe('/governance over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function say(text: string, scope: TestScope = 'personal', from = people.admin) {
    return textOf(cardOf(await replyTo(harness, harness.channel.message(text, from, scope))));
  }

  it('shows an admin who decides revised dates: by default each workstream’s lead', async () => {
    const text = await say('/governance');
    expect(text).toContain('**Board chair’s role**: none named.');
    expect(text).toContain('**Sign-off**: off.');
    expect(text).toContain('**ADES**: workstream A');
    expect(text).toContain('**SLSESEND**: workstream C');
  });

  it('names the chair’s role and turns sign-off on, kept in storage', async () => {
    expect(await say('/governance chair cd')).toContain('**CD**: every workstream');
    expect(await say('/governance signoff on', 'channel')).toContain('**Sign-off**: on;');
    const kept = await harness.store.governance.get('wsoa');
    expect(kept).toMatchObject({ chairRole: 'CD', signOff: true });
    expect(await say('/governance chair none')).toContain('**Board chair’s role**: none named.');
  });

  it('refuses a role the programme does not have, words it cannot read, and anyone not an admin', async () => {
    expect(await say('/governance chair NOBODY')).toMatch(/role/i);
    expect(await say('/governance chair')).toContain('I cannot read "/governance chair"');
    const refused = await say('/governance signoff off', 'personal', people.owner);
    expect(refused).not.toContain('Governance changed');
    expect((await harness.store.governance.get('wsoa'))?.signOff).toBe(true);
  });
});
