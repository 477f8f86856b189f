import { describe, expect, it } from 'vitest';
import { createGraphPacer } from '../../src/graph/graph-pacer.js';

describe('pacing Graph calls to the Teams service limits', () => {
  it('lets 30 installs a second through and makes the 31st wait for the window', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = createGraphPacer({
      now: () => now,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    for (let i = 0; i < 30; i += 1) await pacer.wait('POST', '/users/u/teamwork/installedApps');
    expect(waits).toEqual([]);
    await pacer.wait('POST', '/users/u/teamwork/installedApps');
    expect(waits).toEqual([1000]);
    // Reads of installations count against their own limit, and user look-ups against none.
    await pacer.wait('GET', '/users/u/teamwork/installedApps?$filter=x');
    await pacer.wait('GET', '/users/u');
    expect(waits).toEqual([1000]);
  });

  it('spreads 90 installs over three seconds', async () => {
    let now = 0;
    const pacer = createGraphPacer({
      now: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
    });
    const at: number[] = [];
    for (let i = 0; i < 90; i += 1) {
      await pacer.wait('POST', '/teams/t/installedApps');
      at.push(now);
    }
    for (let i = 30; i < 90; i += 1) expect(at[i]! - at[i - 30]!).toBeGreaterThanOrEqual(1000);
    expect(at.at(-1)).toBe(2000);
  });
});
