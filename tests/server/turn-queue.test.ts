import { describe, expect, it } from 'vitest';
import { createTurnQueue } from '../../src/server/turn-queue.js';

/** A turn that runs until it is let go, noting when it started. */
function heldTurn(started: number[], id: number) {
  let letGo: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (letGo = resolve));
  return {
    turn: async () => {
      started.push(id);
      await done;
      return id;
    },
    letGo: () => letGo(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the turn queue', () => {
  it('runs no more than its limit at once, the rest in the order they came', async () => {
    const queue = createTurnQueue(2);
    const started: number[] = [];
    const turns = [1, 2, 3, 4, 5].map((id) => heldTurn(started, id));
    const answers = turns.map(({ turn }) => queue.run(turn));
    await settle();
    expect(started).toEqual([1, 2]);
    turns[1]!.letGo();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    // One arriving now waits behind those already waiting.
    const late = heldTurn(started, 6);
    const lateAnswer = queue.run(late.turn);
    turns[0]!.letGo();
    await settle();
    expect(started).toEqual([1, 2, 3, 4]);
    for (const { letGo } of turns) letGo();
    late.letGo();
    expect(await Promise.all([...answers, lateAnswer])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives the place of a turn that failed to the next', async () => {
    const queue = createTurnQueue(1);
    const failed = queue.run(() => Promise.reject(new Error('storage unreachable')));
    const next = queue.run(() => Promise.resolve('answered'));
    await expect(failed).rejects.toThrow('storage unreachable');
    expect(await next).toBe('answered');
    // And the place is free again afterwards.
    expect(await queue.run(() => Promise.resolve('again'))).toBe('again');
  });
});
