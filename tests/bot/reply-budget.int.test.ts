import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageBudget, teamsMessageBytes } from '../../src/cards/message-budget.js';
import { loadSamplePlan } from '../support/sample-plan.js';
import type { RecordedCall, TestScope } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  people,
  replyTo,
  seatTheChair,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

/** The lowest budget MESSAGE_BUDGET_KB allows, so a programme of 80 actions cannot fit. */
const BUDGET = createMessageBudget(16 * 1024);
const COPIES = 80;

/**
 * A programme whose workstream A has 80 more actions like A2, all owned by P16SM and all
 * overdue: the whole of /status A, /overdue or /mine would not fit one message.
 */
describe('replies to commands held to the message budget', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({
      messageBudget: BUDGET,
      seed: async (store) => {
        const plan = loadSamplePlan();
        const a2 = plan.actions.find((action) => action.ref === 'A2');
        if (!a2) throw new Error('The sample plan has no A2');
        const copies = Array.from({ length: COPIES }, (_, i) => ({
          ...a2,
          ref: `A${20 + i}`,
          due: '2020-12-31',
          revisedDue: null,
        }));
        await store.plans.replace({
          programme: plan.programme,
          workstreams: plan.workstreams,
          actions: [...plan.actions, ...copies],
          roles: plan.roles,
          ratings: plan.updates,
          measures: plan.measures,
          measureValues: plan.measureValues,
        });
        // Replacing the plan replaces its roles: the chair is seated again.
        await seatTheChair(store);
      },
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function ask(text: string, from = people.chair, scope: TestScope = 'channel') {
    const call: RecordedCall = await replyTo(harness, harness.channel.message(text, from, scope));
    return { call, text: textOf(cardOf(call)) };
  }

  function expectWithinBudget(call: RecordedCall): void {
    expect(call.status).toBe(201);
    expect(teamsMessageBytes(call.body)).toBeLessThanOrEqual(BUDGET.bytes);
  }

  /** "And 57 more not shown here…": the number hidden. */
  function hiddenIn(text: string): number {
    const match =
      /And (\d+) more not shown here, as the whole list is too long for one Teams message/.exec(
        text,
      );
    if (!match) throw new Error(`No "more" line in:\n${text}`);
    return Number(match[1]);
  }

  it('cuts the whole list of a large workstream to what fits, counting the rest and saying where they are', async () => {
    const { call, text } = await ask('/status A all');
    expectWithinBudget(call);
    expect(text).toContain('A · ');
    const shown = (text.match(/^\*\*A\d+\*\* /gm) ?? []).length;
    const hidden = hiddenIn(text);
    expect(shown).toBeGreaterThan(0);
    // The subtitle counts the workstream's actions: every one is either shown or counted.
    expect(`${shown + hidden} actions`).toBe(/ · (\d+ actions) · /.exec(text)?.[1]);
    expect(shown + hidden).toBeGreaterThan(COPIES);
    expect(text).toContain('the Dashboard tab lists them all (filter by workstream A)');
  });

  it('shows a large workstream at a glance within the budget: its most pressing, and a way to the rest', async () => {
    const { call, text } = await ask('/status A');
    expectWithinBudget(call);
    const shown = (text.match(/^\*\*A\d+\*\* /gm) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(8);
    const all = Number(/ · (\d+) actions · /.exec(text)?.[1]);
    expect(all).toBeGreaterThan(COPIES);
    expect(text).toContain(`The ${shown} most pressing of ${all}: Red first`);
    expect(text).toContain(`Show all ${all} actions`);
    expect(text).not.toContain('more not shown here');
  });

  it('cuts /overdue the same way', async () => {
    const { call, text } = await ask('/overdue');
    expectWithinBudget(call);
    expect(text).toMatch(/^Overdue: \d+ actions/);
    expect(hiddenIn(text)).toBeGreaterThan(0);
    expect(text).toContain('the Dashboard tab lists every action');
  });

  it('cuts /mine for the owner of them all, in a group chat as well', async () => {
    for (const scope of ['personal', 'groupChat'] as const) {
      const { call, text } = await ask('/mine', people.owner, scope);
      expectWithinBudget(call);
      expect(text).toContain(`Your actions: ${COPIES + 1}`);
      expect(hiddenIn(text)).toBeGreaterThan(0);
      expect(text).toContain('the Dashboard tab lists them all (filter by owner)');
    }
  });

  it('still sends a short answer whole', async () => {
    const { call, text } = await ask('/status A3');
    expectWithinBudget(call);
    expect(text).not.toContain('more not shown here');
  });
});
