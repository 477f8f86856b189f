import type { MessageView } from '../../src/app/prompt/message-view.js';
import { describe, expect, it } from 'vitest';
import {
  createMessageBudget,
  readMessageBudget,
  splitToBudget,
  teamsMessageBytes,
} from '../../src/cards/message-budget.js';

describe('the message-size budget', () => {
  it('counts a message as Teams does: its JSON in UTF-16, twice the UTF-8 size of ASCII', () => {
    const activity = { type: 'message', text: 'x'.repeat(1000) };
    const utf8 = Buffer.byteLength(JSON.stringify(activity), 'utf8');
    expect(teamsMessageBytes(activity)).toBe(utf8 * 2);
    // "é" is two bytes in UTF-8 but one UTF-16 code unit; "😀" is four and two.
    expect(teamsMessageBytes('é')).toBe(6);
    expect(teamsMessageBytes('😀')).toBe(8);
  });

  it('is 80 KB unless a setting lowers it, and refuses to raise it', () => {
    expect(readMessageBudget({}).bytes).toBe(80 * 1024);
    expect(readMessageBudget({ MESSAGE_BUDGET_KB: '40' }).bytes).toBe(40 * 1024);
    expect(() => readMessageBudget({ MESSAGE_BUDGET_KB: '100' })).toThrow(/MESSAGE_BUDGET_KB/);
    expect(() => readMessageBudget({ MESSAGE_BUDGET_KB: '2' })).toThrow(/at least 16/);
  });

  it('leaves room for the envelope the channel adds', () => {
    const budget = createMessageBudget(20 * 1024);
    const body = { text: 'x'.repeat(9 * 1024) };
    expect(budget.fits(body)).toBe(true);
    expect(budget.fitsWithEnvelope(body)).toBe(false);
  });

  it('splits items into as few groups as fit, in order, and reports one too big alone', () => {
    const budget = createMessageBudget(1000);
    const items = [
      'a'.repeat(100),
      'b'.repeat(100),
      'c'.repeat(100),
      'd'.repeat(600),
      'e'.repeat(10),
    ];
    const { groups, oversized } = splitToBudget(items, (group) => ({ lines: group }), budget.fits);
    expect(groups.map((g) => g.map((s) => s[0]).join(''))).toEqual(['abc', 'd', 'e']);
    expect(oversized).toEqual(['d'.repeat(600)]);
    for (const group of groups.filter((g) => !oversized.includes(g[0]!))) {
      expect(budget.fits({ lines: group })).toBe(true);
    }
  });
});

describe('a prompt for an owner of many actions', () => {
  it('is split into cards that each fit, each carrying only its own refs once', async () => {
    const { renderPromptCards } = await import('../../src/cards/prompt.card.js');
    const actions = Array.from({ length: 60 }, (_, i) => ({
      ref: `A${i + 1}`,
      title: `Action ${i + 1}: `.padEnd(300, 'x'),
      rating: 'Amber' as const,
      due: '2021-03-31',
      answered: false,
      steps: Array.from({ length: 6 }, (_, s) => ({
        letter: String.fromCharCode(97 + s),
        title: 'A step of the action '.padEnd(160, 'y'),
        due: '2021-02-28',
        doneOn: null,
        late: true,
      })),
    }));
    const view: MessageView = {
      kind: 'prompt',
      programmeId: 'wsoa',
      programmeName: 'WSoA',
      periodId: 'Jan 2021',
      closes: '2021-01-15',
      sections: [{ role: 'ADES', onBehalfOf: null, actions }],
      owners: {},
      measures: [],
    };
    const budget = createMessageBudget();
    const cards = renderPromptCards(view, budget.fitsWithEnvelope);
    expect(cards.length).toBeGreaterThan(1);
    // Each Update button has a Submit fallback with the same ref: count each ref once per card.
    const refsOf = (card: unknown) => [
      ...new Set(
        [
          ...JSON.stringify(card).matchAll(
            /"verb":"edit","data":\{"programmeId":"[^"]*","ref":"(A\d+)"\}/g,
          ),
        ].map((m) => m[1]),
      ),
    ];
    expect(cards.flatMap(refsOf)).toEqual(actions.map((a) => a.ref));
    for (const card of cards) {
      expect(budget.fitsWithEnvelope(card)).toBe(true);
      const text = JSON.stringify(card);
      // The refs appear once, in the hidden input, not on every No change button.
      expect(text.match(/"id":"refs"/g)).toHaveLength(1);
      expect(text).not.toContain('"refs":');
    }
  });
});
