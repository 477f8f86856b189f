import { describe, expect, it } from 'vitest';
import { frozenThroughout, jsonLength } from '../../src/cards/json-length.js';

const TEXT = [
  '',
  'plain',
  'é and 😀',
  'quote " and \\ backslash',
  'line\nbreak\ttab\u0001',
  '\ud800',
];

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Values of every kind JSON writes or leaves out, some frozen all the way down. */
function randomValue(random: () => number, depth: number): unknown {
  const roll = random();
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  if (roll < 0.25 || depth === 0) return pick(TEXT);
  if (roll < 0.35) return pick([0, -0, 1.5, -12, 1e21, 5e-7, Number.NaN, Infinity]);
  if (roll < 0.42) return pick([true, false, null, undefined, () => 1, new Date(0)]);
  const value =
    roll < 0.7
      ? Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1))
      : Object.fromEntries(
          Array.from({ length: Math.floor(random() * 4) }, (_, i) => [
            pick(['type', 'text', 'é', 'a"b', `k${i}`]),
            randomValue(random, depth - 1),
          ]),
        );
  if (random() < 0.5) deepFreeze(value);
  return value;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

describe('the length of a card’s JSON', () => {
  it('is exactly the length of JSON.stringify, for values of every kind', () => {
    const random = seeded(7);
    const shared = Array.from({ length: 20 }, () => randomValue(random, 3));
    // Some said to be frozen throughout, as a list line drawn ahead is.
    for (const value of shared.slice(0, 10)) {
      if (typeof value === 'object' && value !== null) frozenThroughout(value);
    }
    for (let run = 0; run < 2000; run += 1) {
      // Parts seen before (remembered when frozen) inside new values, as a cut list's lines.
      const value = { shared: pick(random, shared), fresh: randomValue(random, 3) };
      expect(jsonLength(value), `run ${run}`).toBe(JSON.stringify(value).length);
    }
  });

  it('measures again what can still change, even inside something frozen', () => {
    const line = { text: 'short' };
    const card = Object.freeze({ body: Object.freeze([line]) });
    expect(jsonLength(card)).toBe(JSON.stringify(card).length);
    line.text = 'a good deal longer than it was';
    expect(jsonLength(card)).toBe(JSON.stringify(card).length);
  });
});

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}
