import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../support/test-channel/test-channel.js';
import {
  buttonData,
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

/**
 * Who may read and update rests on the index of who holds which role: taking someone off a
 * role or a deputyship must end what they may do with the very next thing they press.
 */
describe('a role or deputyship taken away, over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function say(text: string, from: TestUser = people.admin): Promise<string> {
    return textOf(cardOf(await replyTo(harness, harness.channel.message(text, from, 'personal'))));
  }

  async function save(form: Record<string, unknown>, from: TestUser): Promise<string> {
    const pressed = harness.channel.cardAction(
      'update',
      { ...form, rating: 'Amber', note: 'Waiting for the new panel.' },
      from,
    );
    const answer = await harness.channel.send(harness.bot.url, pressed);
    return textOf((answer.body as { value?: unknown }).value);
  }

  it('stops a deputy saving the moment the deputyship is removed', async () => {
    const form = buttonData(
      cardOf(
        await replyTo(harness, harness.channel.message('/update A1', people.deputy, 'personal')),
      ),
    );
    expect(await say('/deputy ADES none')).toContain('The deputy for ADES is now nobody');
    expect(await save(form, people.deputy)).toContain('Only the owner can update A1');
    expect(await say('/update A1', people.deputy)).toContain('Only the owner can update A1');
    expect((await harness.store.actions.get('wsoa', 'A1'))?.value.current?.note).not.toBe(
      'Waiting for the new panel.',
    );
  });

  it('stops an owner saving or reading the moment their only role goes to someone else', async () => {
    const form = buttonData(
      cardOf(
        await replyTo(harness, harness.channel.message('/update A2', people.owner, 'personal')),
      ),
    );
    expect(await say('/assign P16SM new.p16sm@council.example')).toContain(
      'P16SM is now new.p16sm@council.example',
    );
    expect(await save(form, people.owner)).toContain('Only the owner can update A2');
    expect(await say('/status', people.owner)).toContain('You are not in');
    expect(await say('/mine', people.owner)).not.toContain('A2');
  });
});
