import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

describe('when the store fails', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({
      adapt: (store) => ({
        ...store,
        actions: {
          ...store.actions,
          listByProgramme: () => Promise.reject(new Error('storage is unreachable')),
          listRefs: () => Promise.reject(new Error('storage is unreachable')),
        },
        // /status reads the kept summaries, not every action.
        summaries: {
          ...store.summaries,
          listByProgramme: () => Promise.reject(new Error('storage is unreachable')),
        },
      }),
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('says something went wrong on its side and what to do, and keeps answering', async () => {
    const failed = textOf(
      cardOf(await replyTo(harness, harness.channel.message('/status', people.chair, 'personal'))),
    );
    expect(failed).toContain('Something went wrong on my side');
    expect(failed).toContain('Please try again in a minute');
    const help = textOf(
      cardOf(await replyTo(harness, harness.channel.message('/help', people.chair, 'personal'))),
    );
    expect(help).toContain('What I can do');
  });

  it('answers a card button with an error card, not a bare failure', async () => {
    const activity = harness.channel.cardAction(
      'update',
      { ref: 'Z9', periodId: 'Apr 2021', etag: 'e', rating: 'Green' },
      people.admin,
    );
    const answer = await harness.channel.send(harness.bot.url, activity);
    expect(answer.status).toBe(200);
    expect(textOf((answer.body as { value: unknown }).value)).toContain(
      'Something went wrong on my side',
    );
  });
});
