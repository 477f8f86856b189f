import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageBudget, teamsMessageBytes } from '../../src/cards/message-budget.js';
import { sampleWithTargets } from '../app/digest/sample-with-targets.js';
import { buttonsOf, cardsOf, type CardButton } from '../support/test-channel/card-buttons.js';
import type { TestUser } from '../support/test-channel/test-channel.js';
import { promptsAfterOneTick } from './prompt-tick.js';
import {
  people,
  seatTheChair,
  startBotHarness,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';

/** Friday 9 April 2021, 10:00 in London: the first prompt of the Apr 2021 period is due. */
const FIRST_PROMPT = new Date('2021-04-09T09:00:00Z');
const BUDGET = createMessageBudget();

type Json = Record<string, unknown>;

/** The card's elements in reading order, so "beside the field" can be checked as drawn. */
function elementsOf(node: unknown, into: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const item of node) elementsOf(item, into);
  else if (typeof node === 'object' && node !== null) {
    const element = node as Json;
    if (typeof element['type'] === 'string') into.push(element);
    for (const key of ['body', 'items', 'columns']) elementsOf(element[key], into);
  }
  return into;
}

/** The text drawn straight after the input `id`, and the one after that. */
function textsAfter(card: unknown, id: string): string[] {
  const elements = elementsOf(card);
  const at = elements.findIndex((e) => e['id'] === id);
  if (at < 0) throw new Error(`The card has no input ${id}`);
  return elements
    .slice(at + 1, at + 3)
    .map((e) => (typeof e['text'] === 'string' ? e['text'] : ''));
}

/**
 * The prompt as the scheduler sends it to the holder of P16SM (who owns A2 and reports
 * NEET1618, SINTERN and APPREN), answered on the card over real HTTP: figures given beside
 * the actions, and steps ticked with the date.
 */
describe('measures and steps on the prompt', () => {
  let harness: BotHarness;
  let prompt: unknown;
  let posts: readonly { body: unknown; status: number }[];

  beforeAll(async () => {
    harness = await startBotHarness();
    await sampleWithTargets(harness.store);
    await seatTheChair(harness.store);
    posts = await promptsAfterOneTick(harness, people.owner, FIRST_PROMPT, 'prompt-progress-test');
    prompt = cardsOf(posts[0]?.body)[0];
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function press(button: CardButton, changes: Json, who: TestUser = people.owner) {
    const answer = (await harness.channel.send(
      harness.bot.url,
      harness.channel.cardAction(button.verb, { ...button.data, ...changes }, who),
    )) as InvokeAnswer;
    expect(answer.status).toBe(200);
    return answer.body.value;
  }

  function button(card: unknown, verb: string, ref?: string): CardButton {
    const found = buttonsOf(card).find(
      (b) => b.verb === verb && (ref === undefined || b.data['ref'] === ref),
    );
    if (!found) throw new Error(`The card has no ${verb} button${ref ? ` for ${ref}` : ''}`);
    return found;
  }

  it('asks the reporting role for its measures, each with its unit and last value, within the budget', () => {
    expect(posts).toHaveLength(1);
    expect(teamsMessageBytes(posts[0]?.body)).toBeLessThanOrEqual(BUDGET.bytes);
    const text = textOf(prompt);
    expect(text).toContain('Figures you report for Apr 2021');
    expect(text).toContain('Last value: 3% in Jan 2021');
    const fields = elementsOf(prompt).filter((e) => String(e['id']).startsWith('measure-'));
    expect(fields.map((f) => f['id'])).toEqual(
      expect.arrayContaining(['measure-NEET1618', 'measure-SINTERN', 'measure-APPREN']),
    );
    const neet = fields.find((f) => f['id'] === 'measure-NEET1618');
    expect(String(neet?.['label'])).toContain('(a percentage (0 to 100))');
    // EHC20 is reported by ADES, whom this owner does not stand in for.
    expect(fields.map((f) => f['id'])).not.toContain('measure-EHC20');
  });

  it('refuses a percentage out of range beside its field, keeps what was typed and records nothing', async () => {
    const before = await harness.store.measures.historyOf('wsoa', 'NEET1618');
    const card = await press(button(prompt, 'giveFigures'), { 'measure-NEET1618': '250' });
    expect(textOf(card)).toContain('NEET1618 was not saved: see beside the field.');
    const field = elementsOf(card).find((e) => e['id'] === 'measure-NEET1618');
    expect(field?.['value']).toBe('250');
    expect(textsAfter(card, 'measure-NEET1618')[1]).toContain(
      '250 is not a percentage between 0 and 100',
    );
    expect(await harness.store.measures.historyOf('wsoa', 'NEET1618')).toHaveLength(before.length);
  });

  it('records a figure given on the prompt, shown as the last value when the card comes back', async () => {
    const card = await press(button(prompt, 'giveFigures'), { 'measure-SINTERN': '31' });
    expect(textOf(card)).toContain('Saved SINTERN for Apr 2021.');
    expect(textsAfter(card, 'measure-SINTERN')[0]).toContain('Last value: 31 in Apr 2021');
    const history = await harness.store.measures.historyOf('wsoa', 'SINTERN');
    expect(history.find((v) => v.periodId === 'Apr 2021')).toMatchObject({
      value: 31,
      by: people.owner.email,
      source: 'prompt',
    });
  });

  it('ticks steps from the prompt with the date, and takes one back while the period is open', async () => {
    const ticked = await press(button(prompt, 'tickSteps', 'A2'), { 'stepsDone-A2': 'a,b' });
    expect(textOf(ticked)).toContain('Saved the steps of A2: 2 of');
    const ticks = await harness.store.stepTicks.listForAction('wsoa', 'A2');
    expect(ticks.map((t) => [t.letter, t.doneOn, t.by])).toEqual([
      ['a', '2021-03-01', people.owner.email],
      ['b', '2021-03-01', people.owner.email],
    ]);
    expect(textOf(ticked)).toContain('· done 1 Mar 2021');

    const unticked = await press(button(ticked, 'tickSteps', 'A2'), { 'stepsDone-A2': 'a' });
    expect(textOf(unticked)).toContain('Saved the steps of A2: 1 of');
    const left = await harness.store.stepTicks.listForAction('wsoa', 'A2');
    expect(left.map((t) => t.letter)).toEqual(['a']);
  });

  it('refuses steps ticked by someone who owns neither the action nor the step, beside the steps', async () => {
    const card = await press(
      button(prompt, 'tickSteps', 'A2'),
      { 'stepsDone-A2': 'a,c' },
      people.stranger,
    );
    expect(textOf(card)).toContain('The steps of A2 were not saved.');
    expect(textsAfter(card, 'stepsDone-A2')[0]).toContain(
      "Only the action's owner, the step's own owner or their deputies can change step c.",
    );
    const ticks = await harness.store.stepTicks.listForAction('wsoa', 'A2');
    expect(ticks.map((t) => t.letter)).toEqual(['a']);
  });
});
