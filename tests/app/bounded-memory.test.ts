import { describe, expect, it } from 'vitest';
import { rememberAtMost } from '../../src/app/bounded-memory.js';

describe('rememberAtMost', () => {
  it('keeps at most the limit, forgetting the entry least recently remembered first', () => {
    const map = new Map<string, number>();
    for (const [i, key] of ['a', 'b', 'c'].entries()) rememberAtMost(map, 3, key, i);
    rememberAtMost(map, 3, 'a', 10);
    rememberAtMost(map, 3, 'd', 4);
    expect([...map]).toEqual([
      ['c', 2],
      ['a', 10],
      ['d', 4],
    ]);
  });

  it('replaces a key already there without forgetting another', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    rememberAtMost(map, 2, 'b', 3);
    expect([...map]).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });
});
