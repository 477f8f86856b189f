import { describe, expect, it } from 'vitest';
import { stepsDoneText } from '../../../src/domain/step-completion.js';
import { governanceWorld, person } from './governance-world.js';

const owner = person('sles@council.example');

describe('steps use case', () => {
  it('ticks steps done with today’s date and counts them', async () => {
    const world = await governanceWorld('2021-03-01T10:00:00Z');
    const result = await world.steps.change(
      world.programme,
      { ref: 'A2', done: ['a', 'B', 'g'], notDone: [] },
      owner,
    );
    if (!result.ok) throw new Error(result.code);
    expect(stepsDoneText(result.progress)).toBe('3 of 9 steps done');
    expect(result.progress.steps[0]?.done).toMatchObject({
      doneOn: '2021-03-01',
      by: 'sles@council.example',
      periodId: 'Apr 2021',
    });
    expect(result.progress.late.map((s) => s.step.letter)).toEqual(['c', 'd', 'f', 'h', 'i']);
  });

  it('unticks while the period is open, and not once it has closed', async () => {
    const world = await governanceWorld('2021-04-20T10:00:00Z');
    await world.steps.change(world.programme, { ref: 'A2', done: ['a', 'b'], notDone: [] }, owner);
    const undone = await world.steps.change(
      world.programme,
      { ref: 'A2', done: [], notDone: ['b'] },
      owner,
    );
    expect(undone.ok && stepsDoneText(undone.progress)).toBe('1 of 9 steps done');
    world.setNow('2021-04-26T10:00:00Z');
    expect(
      await world.steps.change(world.programme, { ref: 'A2', done: [], notDone: ['a'] }, owner),
    ).toMatchObject({ ok: false, code: 'PERIOD_CLOSED', letters: ['a'] });
  });

  it('lets a step’s own owner tick it, and refuses anyone else or a step that does not exist', async () => {
    const world = await governanceWorld();
    // C2 b) is owned by SLSPPEP although the action is SLSESEND's.
    const own = await world.steps.change(
      world.programme,
      { ref: 'C2', done: ['b'], notDone: [] },
      person('slsppep@council.example'),
    );
    expect(own.ok).toBe(true);
    expect(
      await world.steps.change(
        world.programme,
        { ref: 'C2', done: ['a'], notDone: [] },
        person('slsppep@council.example'),
      ),
    ).toMatchObject({ code: 'NOT_OWNER', letters: ['a'] });
    expect(
      await world.steps.change(world.programme, { ref: 'C2', done: ['z'], notDone: [] }, owner),
    ).toMatchObject({ code: 'STEP_NOT_FOUND', letters: ['z'] });
  });
});
