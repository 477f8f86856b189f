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
