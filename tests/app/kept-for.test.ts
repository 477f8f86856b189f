import { describe, expect, it } from 'vitest';
import { keptFor } from '../../src/app/kept-for.js';

describe('an answer kept for a while', () => {
  it('reads a key once within the time, again after it, and forgets a failure', async () => {
    let now = 0;
    const loads: string[] = [];
    let fail = false;
    const read = keptFor(1_000, { now: () => new Date(now) }, (key) => {
      loads.push(key);
      if (fail) return Promise.reject(new Error('storage is down'));
      return Promise.resolve(`${key}@${now}`);
    });
    expect(await read('wsoa')).toBe('wsoa@0');
    now = 999;
    expect(await read('wsoa')).toBe('wsoa@0');
    expect(await read('send')).toBe('send@999');
    now = 2_000;
    fail = true;
    await expect(read('wsoa')).rejects.toThrow('storage is down');
    fail = false;
    expect(await read('wsoa')).toBe('wsoa@2000');
    expect(loads).toEqual(['wsoa', 'send', 'wsoa', 'wsoa']);
  });
});
