import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall, TestUser } from '../support/test-channel/test-channel.js';
import {
  buttonData,
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

/** The card people now see on a message the bot posted, as the channel holds it. */
function cardOfMessage(harness: BotHarness, message: RecordedCall): unknown {
  const held = harness.channel.messageIn(message.conversationId ?? '', message.createdId ?? '');
  return (held as Partial<Activity> | undefined)?.attachments?.[0]?.content;
}

describe('a card that stays answered', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function formFor(ref: string, from: TestUser, scope: 'personal' | 'channel') {
    return replyTo(harness, harness.channel.message(`/update ${ref}`, from, scope));
  }

  async function save(
    message: RecordedCall,
    data: Record<string, unknown>,
    from: TestUser,
    scope: 'personal' | 'channel' = 'personal',
  ): Promise<InvokeAnswer> {
    const activity = harness.channel.cardAction('update', data, from, scope, { message });
    return (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
  }

  it('replaces the form message itself with the receipt, so every device shows it', async () => {
    const form = await formFor('A2', people.owner, 'personal');
    expect(textOf(cardOfMessage(harness, form))).toContain('Update A2');
    const answer = await save(
      form,
      { ...buttonData(cardOf(form)), rating: 'Amber', note: 'Two posts vacant.' },
      people.owner,
    );
    expect(textOf(answer.body.value)).toContain('Recorded Amber for A2 at 10:42');
    const put = harness.channel.sent.find(
      (call) => call.kind === 'update' && call.activityId === form.createdId,
    );
    expect(put?.status).toBe(200);
    const shown = textOf(cardOfMessage(harness, form));
    expect(shown).toContain('Recorded Amber for A2 at 10:42');
    expect(shown).not.toContain('Save');
  });

  it('replaces a form posted in a channel for everyone in it', async () => {
    const form = await formFor('A5', people.admin, 'channel');
    await save(form, { ...buttonData(cardOf(form)), rating: 'Green' }, people.admin, 'channel');
    expect(textOf(cardOfMessage(harness, form))).toContain('for A5 at 10:42');
  });

  it('leaves the form in place when someone who may not save presses it', async () => {
    const form = await formFor('A4', people.deputy, 'personal');
    const answer = await save(
      form,
      { ...buttonData(cardOf(form)), rating: 'Green' },
      people.stranger,
    );
    expect(textOf(answer.body.value)).toContain('Only the owner can update A4');
    expect(textOf(cardOfMessage(harness, form))).toContain('Update A4');
  });

  it('keeps the save and still answers with the receipt when the message cannot be replaced', async () => {
    const form = await formFor('B1', people.admin, 'personal');
    const gone = { ...form, createdId: 'deleted-since' };
    const answer = await save(gone, { ...buttonData(cardOf(form)), rating: 'Green' }, people.admin);
    expect(answer.status).toBe(200);
    expect(textOf(answer.body.value)).toContain('Recorded Green for B1 at 10:42');
    const refused = harness.channel.sent.find(
      (call) => call.kind === 'update' && call.activityId === 'deleted-since',
    );
    expect(refused?.status).toBe(404);
    expect((await harness.store.actions.get('wsoa', 'B1'))?.value.current).toMatchObject({
      rating: 'Green',
      periodId: 'Apr 2021',
    });
  });
});
