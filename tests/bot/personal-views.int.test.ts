import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf } from '../support/test-channel/card-buttons.js';
import type { RecordedCall, TestScope, TestUser } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

interface Refresh {
  readonly action: { type: string; verb: string; data: Record<string, unknown> };
  readonly userIds: readonly string[];
}

describe('cards in a group or channel that each person sees their own way', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  function refreshOf(card: Record<string, unknown>): Refresh {
    const refresh = card['refresh'] as Refresh | undefined;
    if (!refresh) throw new Error('The card has no refresh');
    return refresh;
  }

  /** What a person's Teams does on showing the card: the refresh invoke, answered by the bot. */
  async function refreshFor(
    message: RecordedCall,
    from: TestUser,
    scope: TestScope,
  ): Promise<Record<string, unknown>> {
    const { action } = refreshOf(cardOf(message));
    const activity = harness.channel.cardAction(action.verb, action.data, from, scope, {
      message,
      trigger: 'automatic',
    });
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer<
      Record<string, unknown>
    >;
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    return answer.body.value;
  }

  const saveButtons = (card: unknown) => buttonsOf(card).filter((b) => b.verb === 'update');

  it('gives the form to whoever may save it and the action read-only to anyone else', async () => {
    // A3 is owned by ADES; the deputy deputises for it, the owner of A2 and DCO do not.
    const form = await replyTo(
      harness,
      harness.channel.message('/update A3', people.deputy, 'channel'),
    );
    const refresh = refreshOf(cardOf(form));
    expect(refresh.userIds).toEqual([people.deputy.id]);
    expect(refresh.action.type).toBe('Action.Execute');

    const deputyView = await refreshFor(form, people.deputy, 'channel');
    expect(textOf(deputyView)).toContain('Update A3');
    expect(saveButtons(deputyView)).toHaveLength(1);

    for (const other of [people.owner, people.stranger]) {
      const view = await refreshFor(form, other, 'channel');
      const text = textOf(view);
      expect(text).toContain('A3:');
      expect(text).toContain('Only ADES');
      expect(text).toContain('/status A3');
      expect(saveButtons(view)).toHaveLength(0);
    }
  });

  it('shows each person their own actions on a /mine posted in a group chat', async () => {
    const mine = await replyTo(
      harness,
      harness.channel.message('/mine', people.owner, 'groupChat'),
    );
    expect(textOf(cardOf(mine))).toContain('your roles: P16SM');

    const ownerView = textOf(await refreshFor(mine, people.owner, 'groupChat'));
    const deputyView = textOf(await refreshFor(mine, people.deputy, 'groupChat'));
    expect(ownerView).toContain('your roles: P16SM');
    expect(ownerView).not.toMatch(/\bA3\b/);
    expect(deputyView).toContain('ADES (deputy)');
    expect(deputyView).toMatch(/\bA3\b/);
    expect(deputyView).not.toContain('your roles: P16SM');

    const outsider = testOutsider();
    const outsiderView = textOf(await refreshFor(mine, outsider, 'groupChat'));
    expect(outsiderView).toContain('Your actions: 0');
    expect(outsiderView).toContain('holds no role');
  });

  it('sends a /mine in a personal chat as it is, with nothing to refresh', async () => {
    const mine = await replyTo(harness, harness.channel.message('/mine', people.owner, 'personal'));
    expect(cardOf(mine)['refresh']).toBeUndefined();
  });
});

function testOutsider(): TestUser {
  return {
    id: '29:outsider',
    aadObjectId: 'aad-outsider',
    name: 'Olly Outsider',
    email: 'olly@elsewhere.example',
  };
}
