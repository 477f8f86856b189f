import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageBudget, teamsMessageBytes } from '../../src/cards/message-budget.js';
import { loadSamplePlan } from '../support/sample-plan.js';
import { buttonsOf, cardsOf } from '../support/test-channel/card-buttons.js';
import type { RecordedCall } from '../support/test-channel/test-channel.js';
import { promptsAfterOneTick } from './prompt-tick.js';
import {
  people,
  startBotHarness,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

/** Friday 9 April 2021, 10:00 in London: the first prompt of the Apr 2021 period is due. */
const FIRST_PROMPT = new Date('2021-04-09T09:00:00Z');
const ACTIONS = 60;
const BUDGET = createMessageBudget();

/**
 * An owner of 60 actions, each as long as the sample's A2 (nine steps): one card for all of
 * them would weigh over 100 KB as Teams counts it, and Teams would refuse it with 413.
 */
describe('a prompt for an owner of 60 actions', () => {
  let harness: BotHarness;
  let posts: RecordedCall[];

  beforeAll(async () => {
    harness = await startBotHarness();
    const plan = loadSamplePlan();
    const a2 = plan.actions.find((action) => action.ref === 'A2');
    if (!a2) throw new Error('The sample plan has no A2');
    const copies = Array.from({ length: ACTIONS - 1 }, (_, i) => ({ ...a2, ref: `A${20 + i}` }));
    await harness.store.plans.replace({
      programme: plan.programme,
      workstreams: plan.workstreams,
      actions: [...plan.actions, ...copies],
      roles: plan.roles,
      ratings: plan.updates,
      measures: plan.measures,
      measureValues: plan.measureValues,
    });
    posts = await promptsAfterOneTick(harness, people.owner, FIRST_PROMPT, 'large-prompt-test');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('arrives as several messages, each within the budget as Teams measures it', () => {
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      expect(post.status).toBe(201);
      expect(teamsMessageBytes(post.body)).toBeLessThanOrEqual(BUDGET.bytes);
    }
    const headings = posts.map((post) => textOf(cardsOf(post.body)[0]).split('\n')[0]);
    expect(headings).toEqual(
      posts.map(
        (_, i) =>
          `Your Apr 2021 update for ${loadSamplePlan().programme.name} (${i + 1} of ${posts.length})`,
      ),
    );
  });

  it('lists every action once across the messages, each card carrying only its own refs', () => {
    const listed = posts.flatMap((post) =>
      buttonsOf(cardsOf(post.body)[0])
        .filter((button) => button.verb === 'edit')
        .map((button) => String(button.data['ref'])),
    );
    expect(listed).toHaveLength(ACTIONS);
    expect(new Set(listed).size).toBe(ACTIONS);
    for (const post of posts) {
      const buttons = buttonsOf(cardsOf(post.body)[0]);
      const own = buttons.filter((b) => b.verb === 'edit').map((b) => String(b.data['ref']));
      expect(String(buttons[0]?.data['refs']).split(',')).toEqual(own);
    }
  });

  it('can be answered from each message on its own', async () => {
    for (const post of posts) {
      const edit = buttonsOf(cardsOf(post.body)[0]).find((button) => button.verb === 'edit');
      if (!edit) throw new Error('A part of the prompt has no Update button');
      const opened = (await harness.channel.send(
        harness.bot.url,
        harness.channel.cardAction(edit.verb, edit.data, people.owner),
      )) as InvokeAnswer;
      expect(opened.status).toBe(200);
      const save = buttonsOf(opened.body.value).find((button) => button.verb === 'update');
      if (!save) throw new Error('The update form has no Save button');
      const saved = (await harness.channel.send(
        harness.bot.url,
        harness.channel.cardAction(
          save.verb,
          { ...save.data, rating: 'Green', note: 'On track.' },
          people.owner,
        ),
      )) as InvokeAnswer;
      const receipt = textOf(saved.body.value).replace(/\s+/g, ' ');
      expect(receipt).toContain(`Green for ${String(edit.data['ref'])} at`);
      expect(receipt).toMatch(/^Recorded /);
    }
  });
});
