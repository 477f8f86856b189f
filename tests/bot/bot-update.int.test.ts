import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser, type TestUser } from '../support/test-channel/test-channel.js';
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

describe('the update form over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Types `/update <ref>` and returns the data the form's Save button carries. */
  async function openForm(ref: string, from: TestUser = people.owner) {
    const call = await replyTo(
      harness,
      harness.channel.message(`/update ${ref}`, from, 'personal'),
    );
    return buttonData(cardOf(call));
  }

  async function press(
    verb: string,
    data: Record<string, unknown>,
    from: TestUser = people.owner,
  ): Promise<InvokeAnswer> {
    const activity = harness.channel.cardAction(verb, data, from);
    return (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
  }

  it('replaces the form with a receipt when the owner saves', async () => {
    const form = await openForm('A2');
    const answer = await press('update', { ...form, rating: 'Amber', note: 'Two posts vacant.' });
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = textOf(answer.body.value);
    expect(text).toContain('Recorded Amber for A2 at 10:42');
    expect(text).toContain('Change');
    const action = await harness.store.actions.get('wsoa', 'A2');
    expect(action?.value.current).toMatchObject({ rating: 'Amber', periodId: 'Apr 2021' });
  });

  it('saves from a form pressed in a channel as well', async () => {
    const formCall = await replyTo(
      harness,
      harness.channel.message('/update A5', people.admin, 'channel'),
    );
    const activity = harness.channel.cardAction(
      'update',
      { ...buttonData(cardOf(formCall)), rating: 'Green' },
      people.admin,
      'channel',
    );
    const answer = (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
    expect(textOf(answer.body.value)).toContain('for A5 at 10:42');
  });

  it('lets the deputy of the owning role save too', async () => {
    const form = await openForm('A3', people.deputy);
    const answer = await press(
      'update',
      { ...form, rating: 'Blue', note: 'Embedded.' },
      people.deputy,
    );
    expect(textOf(answer.body.value)).toContain('for A3 at 10:42');
  });

  it('lets an admin added in storage update any action', async () => {
    const form = await openForm('B2', people.admin);
    const newcomer = testUser('Nell New', 'nell.new@council.example');
    await harness.store.admins.add({
      id: newcomer.email,
      addedBy: people.admin.email,
      addedAt: '2021-03-01T09:00:00.000Z',
    });
    const refused = await press('update', { ...form, rating: 'Green' }, people.chair);
    expect(textOf(refused.body.value)).toContain('Only the owner can update B2');
    const saved = await press('update', { ...form, rating: 'Green' }, newcomer);
    expect(textOf(saved.body.value)).toContain('for B2 at 10:42');
  });

  it('politely refuses someone who neither owns, deputises nor administers', async () => {
    const form = await openForm('A4', people.deputy);
    const answer = await press('update', { ...form, rating: 'Green' }, people.stranger);
    expect(answer.status).toBe(200);
    const text = textOf(answer.body.value);
    expect(text).toContain('Only the owner can update A4');
    expect(text).toContain('ask your programme admin');
    expect((await harness.store.actions.get('wsoa', 'A4'))?.value.current?.periodId).toBe(
      'Jan 2021',
    );
  });

  it('refuses /update from someone who may not update, without a form', async () => {
    const call = await replyTo(
      harness,
      harness.channel.message('/update A4', people.chair, 'channel'),
    );
    expect(textOf(cardOf(call))).toContain('Only the owner can update A4');
  });

  it('returns validation problems beside the fields, keeping what was typed', async () => {
    const form = await openForm('C1', people.deputy);
    const answer = await press(
      'update',
      { ...form, rating: 'Red', note: '', evidence: 'see minutes' },
      people.deputy,
    );
    const card = answer.body.value as { body: Record<string, unknown>[] };
    const text = textOf(card);
    expect(text).toContain('Red needs a note: say what is late and what is being done about it.');
    expect(card.body.find((e) => e['id'] === 'rating')?.['value']).toBe('Red');
    expect(card.body.find((e) => e['id'] === 'evidence')?.['value']).toBe('see minutes');
  });

  it('shows the current state of a stale card and saves anyway with the fresh ETag', async () => {
    const form = await openForm('C2', people.deputy);
    await press('update', { ...form, rating: 'Green', note: 'Caught up.' }, people.deputy);
    const stale = await press('update', { ...form, rating: 'Red', note: 'Behind.' }, people.deputy);
    const staleText = textOf(stale.body.value);
    // The newer save was the deputy's own, from the same card: said to them as "you".
    expect(staleText).toContain(
      'You already recorded Green for C2, from another card or chat, after this card was sent.',
    );
    expect(staleText).toContain('Your note then: Caught up.');
    expect(staleText).toContain('Save anyway');
    const fresh = buttonData(stale.body.value as Record<string, unknown>);
    expect(fresh['etag']).not.toBe(form['etag']);
    const saved = await press(
      'update',
      { ...fresh, rating: 'Red', note: 'Behind.' },
      people.deputy,
    );
    expect(textOf(saved.body.value)).toContain('for C2 at 10:42');
    expect((await harness.store.actions.get('wsoa', 'C2'))?.value.current?.rating).toBe('Red');
  });

  it('holds a Save to the calendar and time zone as changed a moment before it', async () => {
    const before = await harness.store.programmes.get('wsoa');
    if (!before) throw new Error('The sample programme is missing');
    const rated = (await harness.store.actions.get('wsoa', 'A4'))?.value.current;
    const form = await openForm('A4', people.admin);
    try {
      // April's period closed early, saved (as by another instance) after the form was drawn.
      await harness.store.programmes.save({
        ...before,
        periods: before.periods.map((p) =>
          p.id === 'Apr 2021' ? { ...p, closes: '2021-02-26' } : p,
        ),
      });
      const refused = await press(
        'update',
        { ...form, rating: 'Green', note: 'On track.' },
        people.admin,
      );
      expect(textOf(refused.body.value)).toContain('The Apr 2021 period has closed');
      expect((await harness.store.actions.get('wsoa', 'A4'))?.value.current).toEqual(rated);

      await harness.store.programmes.save({ ...before, timeZone: 'Asia/Tokyo' });
      const saved = await press(
        'update',
        { ...form, rating: 'Green', note: 'On track.' },
        people.admin,
      );
      // 10:42 in London is 19:42 in Tokyo.
      expect(textOf(saved.body.value)).toContain('Recorded Green for A4 at 19:42');
    } finally {
      await harness.store.programmes.save(before);
    }
  });

  it('answers a submit for an action that does not exist with a clear card', async () => {
    const form = await openForm('A2');
    const answer = await press('update', { ...form, ref: 'Z9', rating: 'Green' }, people.admin);
    expect(answer.status).toBe(200);
    expect(textOf(answer.body.value)).toContain('I cannot find an action called "Z9"');
  });

  it('answers an unknown verb with 400', async () => {
    const answer = await press('archive', { ref: 'A2' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      statusCode: 400,
      value: { message: 'Unknown verb "archive".' },
    });
  });

  it('answers card data that is not what the form sends with 400', async () => {
    const answer = await press('update', { ref: 'A2', rating: 'Green' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('periodId');
  });

  it('opens a form pre-filled with this period’s answer when Change is pressed', async () => {
    const answer = await press('edit', { ref: 'A2' });
    const card = answer.body.value as { body: Record<string, unknown>[] };
    expect(textOf(card)).toContain('Update A2 for Apr 2021');
    expect(card.body.find((e) => e['id'] === 'rating')?.['value']).toBe('Amber');
  });

  it('refuses Change on a receipt once its period has closed', async () => {
    const answer = await press('edit', { ref: 'A2', periodId: 'Jan 2021' });
    const text = textOf(answer.body.value);
    expect(text).toContain('The Jan 2021 period has closed');
    expect(text).toContain('/update A2');
  });

  it('updates the form in place when an older client uses the Submit fallback', async () => {
    const formCall = await replyTo(
      harness,
      harness.channel.message('/update B1', people.admin, 'personal'),
    );
    const actions = cardOf(formCall)['actions'] as {
      fallback: { data: Record<string, unknown> };
    }[];
    const fallbackData = actions[0]?.fallback.data;
    expect(fallbackData).toMatchObject({ verb: 'update', ref: 'B1' });
    const submit = harness.channel.message('', people.admin, 'personal');
    submit.value = { ...fallbackData, rating: 'Green', note: '' };
    submit.replyToId = formCall.createdId ?? '';
    expect((await harness.channel.send(harness.bot.url, submit)).status).toBe(200);
    const update = await harness.channel.waitFor(
      (call) => call.kind === 'update' && call.activityId === formCall.createdId,
    );
    expect(update.status).toBe(200);
    expect(textOf(cardOf(update))).toContain('for B1 at 10:42');
    const held = harness.channel.messageIn(formCall.conversationId ?? '', formCall.createdId ?? '');
    expect(textOf(held)).toContain('for B1 at 10:42');
  });

  it('answers a Submit fallback whose data was cut short in plain words, saving nothing', async () => {
    const submit = harness.channel.message('', people.admin, 'personal');
    // An older card: no period and no ETag in its data.
    submit.value = { verb: 'update', programmeId: 'wsoa', ref: 'B1', rating: 'Green', note: '' };
    const reply = await replyTo(harness, submit);
    const text = textOf(cardOf(reply));
    expect(text).toContain('I could not read that card');
    expect(text).toContain('Nothing was saved.');
    expect(text).toContain('Type /update B1 for a fresh form');
    expect(text).not.toMatch(/Invalid input|expected string|periodId|etag/);
  });
});
