import { describe, expect, it } from 'vitest';
import { falseGreen } from '../../src/domain/action-facts.js';
import {
  doneLetters,
  lateStepsText,
  mayTickStep,
  mayUntick,
  stepProgress,
  stepsDoneText,
  type StepTick,
} from '../../src/domain/step-completion.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const plan = loadSamplePlan();
const a2 = plan.actions.find((a) => a.ref === 'A2');
if (!a2) throw new Error('A2 is in the sample');

function tick(letter: string, periodId = 'Jan 2021'): StepTick {
  return {
    programmeId: 'wsoa',
    ref: 'A2',
    letter,
    doneOn: '2021-01-10',
    by: 'sles@council.example',
    at: '2021-01-10T10:00:00.000Z',
    periodId,
  };
}

describe('step completion', () => {
  it('counts the steps done and lists the late ones by their (revised) dates', () => {
    const ticks = ['a', 'b', 'g', 'h', 'i'].map((l) => tick(l));
    const progress = stepProgress(a2, ticks, '2021-01-27');
    expect(stepsDoneText(progress)).toBe('5 of 9 steps done');
    // c) and f) were revised to Jan 2021 (not yet passed on 27 Jan); d) was due Jan 2021.
    expect(lateStepsText(stepProgress(a2, ticks, '2021-02-01'))).toBe('late: c), d), f)');
    expect(lateStepsText(progress)).toBeNull();
  });

  it('says nothing for an action with no steps', () => {
    expect(stepsDoneText({ done: 0, total: 0 })).toBeNull();
  });

  it('lets the action’s owner or the step’s own owner tick it, nobody else', () => {
    const a3 = plan.actions.find((a) => a.ref === 'A3');
    const b = a3?.steps.find((s) => s.letter === 'b');
    if (!a3 || !b) throw new Error('A3 b) is in the sample');
    expect(mayTickStep(a3, b, ['ADES'])).toBe(true);
    expect(mayTickStep(a3, b, ['dco'])).toBe(true);
    expect(mayTickStep(a3, b, ['PFH'])).toBe(false);
  });

  it('allows an untick until the period it was ticked in closes, its closing day included', () => {
    const { periods } = plan.programme;
    expect(mayUntick(tick('a'), periods, '2021-01-15')).toBe(true);
    expect(mayUntick(tick('a'), periods, '2021-01-16')).toBe(false);
    expect(mayUntick(tick('a', 'No such period'), periods, '2021-01-01')).toBe(false);
  });

  it('questions a Green only when most dated steps are late, done steps excepted', () => {
    const a1 = plan.actions.find((a) => a.ref === 'A1');
    if (!a1) throw new Error('A1 is in the sample');
    expect(falseGreen(a1, '2021-01-27')?.reason).toBe('most-steps-past-their-dates');
    const ticks = ['a', 'b', 'c', 'd'].map((l) => ({ ...tick(l), ref: 'A1' }));
    expect(falseGreen({ ...a1, doneSteps: doneLetters('A1', ticks) }, '2021-01-27')).toBeNull();
  });
});
