import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rating } from '../../src/domain/rating.js';
import { loadSamplePlan } from '../support/sample-plan.js';
import {
  cardOf,
  people,
  replyTo,
  seatTheChair,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

/**
 * Workstream A of the sample with twelve more actions like A2: three Red, two overdue, two
 * Amber, two never rated and three on time and on track. `/status A` shows the eight most
 * pressing, with a button to the rest; `/status A all` lists every one.
 */
const ADDED: readonly {
  readonly ref: string;
  readonly rating: Rating | null;
  readonly late: boolean;
}[] = [
  { ref: 'A20', rating: 'Green', late: false },
  { ref: 'A21', rating: 'Red', late: false },
  { ref: 'A22', rating: 'Amber', late: false },
  { ref: 'A23', rating: 'Green', late: true },
  { ref: 'A24', rating: null, late: false },
  { ref: 'A25', rating: 'Red', late: false },
  { ref: 'A26', rating: 'Blue', late: false },
  { ref: 'A27', rating: 'Amber', late: false },
  { ref: 'A28', rating: 'Green', late: true },
  { ref: 'A29', rating: null, late: false },
  { ref: 'A30', rating: 'Red', late: false },
  { ref: 'A31', rating: 'Green', late: false },
];
const ON_TRACK = ['A20', 'A26', 'A31'];

/** "**A21** **Red** · **Overdue** title": the line's ref and how pressing it is (0 most). */
function linesOf(text: string): { readonly ref: string; readonly pressure: number }[] {
  return [...text.matchAll(/^\*\*(A\d+)\*\* \*\*([A-Za-z ]+?)\*\*( · \*\*Overdue\*\*)?/gm)].map(
    ([, ref = '', rating, overdue]) => ({
      ref,
      pressure:
        rating === 'Red'
          ? 0
          : overdue
            ? 1
            : rating === 'Amber'
              ? 2
              : rating === 'Not yet rated'
                ? 3
                : 4,
    }),
  );
}

describe('a large workstream at a glance', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({
      seed: async (store) => {
        const plan = loadSamplePlan();
        const a2 = plan.actions.find((action) => action.ref === 'A2');
        const rated = plan.updates.find((update) => update.ref === 'A2');
        if (!a2 || !rated) throw new Error('The sample plan has no A2 or no rating of it');
        await store.plans.replace({
          ...plan,
          actions: [
            ...plan.actions,
            ...ADDED.map(({ ref, late }) => ({
              ...a2,
              ref,
              due: late ? '2020-12-31' : '2031-12-31',
              revisedDue: null,
            })),
          ],
          ratings: [
            ...plan.updates,
            ...ADDED.flatMap(({ ref, rating }) =>
              rating ? [{ ...rated, id: `${rated.id}-${ref}`, ref, rating }] : [],
            ),
          ],
        });
        // Replacing the plan replaces its roles: the chair is seated again.
        await seatTheChair(store);
      },
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function ask(text: string) {
    const call = await replyTo(harness, harness.channel.message(text, people.chair, 'channel'));
    return { card: cardOf(call), text: textOf(cardOf(call)) };
  }

  it('shows the eight most pressing, Red first, then overdue, Amber and not yet rated', async () => {
    const { text } = await ask('/status A');
    const lines = linesOf(text);
    expect(lines).toHaveLength(8);
    const pressures = lines.map((line) => line.pressure);
    expect(pressures).toEqual([...pressures].sort((a, b) => a - b));
    expect(lines.map((line) => line.ref)).toEqual(expect.arrayContaining(['A21', 'A25', 'A30']));
    for (const ref of ON_TRACK) expect(lines.map((line) => line.ref)).not.toContain(ref);
    const all = Number(/ · (\d+) actions · /.exec(text)?.[1]);
    expect(all).toBe(loadSamplePlan().actions.filter((a) => a.workstream === 'A').length + 12);
    expect(text).toContain(`The 8 most pressing of ${all}: Red first, then overdue, Amber`);
    // Every action is counted above the lines, not only those shown: the whole list's counts.
    const whole = await ask('/status A all');
    const counts = /^(?:Blue|Green|Amber|Red|Not yet rated) \d+(?: · .*)?$/m;
    expect(counts.exec(text)?.[0]).toBeDefined();
    expect(counts.exec(text)?.[0]).toBe(counts.exec(whole.text)?.[0]);
    expect(counts.exec(text)?.[0]).toContain('Red 3');
  });

  it('offers the whole list as a button that asks for it', async () => {
    const { card, text } = await ask('/status A');
    const all = Number(/ · (\d+) actions · /.exec(text)?.[1]);
    const button = JSON.stringify(card).match(
      /"title":"Show all (\d+) actions","data":\{"msteams":\{"type":"imBack","value":"([^"]+)"/,
    );
    expect(button?.[1]).toBe(String(all));
    expect(button?.[2]).toBe('/status A all');
  });

  it('lists every action when asked for all of them, with no glance note or button', async () => {
    const { text } = await ask('/status A all');
    const refs = linesOf(text).map((line) => line.ref);
    const all = Number(/ · (\d+) actions · /.exec(text)?.[1]);
    expect(refs).toHaveLength(all);
    for (const { ref } of ADDED) expect(refs).toContain(ref);
    expect(text).not.toContain('most pressing');
    expect(text).not.toContain(`Show all ${all} actions`);
  });
});
