import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/domain/action.js';
import {
  falseGreen,
  isOverdue,
  isStale,
  movement,
  rolledOver,
  type ActionSnapshot,
} from '../../src/domain/action-facts.js';
import type { DueDate } from '../../src/domain/local-date.js';
import type { Rating } from '../../src/domain/rating.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const plan = loadSamplePlan();

function step(letter: string, due: DueDate | null, revisedDue: DueDate | null = null): Step {
  return { letter, title: `Step ${letter}`, ownerRole: null, due, revisedDue };
}

function action(overrides: Partial<ActionSnapshot> & { rating?: Rating | null }): ActionSnapshot {
  const { rating = 'Green', ...rest } = overrides;
  return {
    due: '2021-03-31',
    revisedDue: null,
    steps: [],
    current: rating === null ? null : { rating, periodId: 'Jan 2021' },
    ...rest,
  };
}

describe('overdue', () => {
  it('is overdue the day after the due date, not on it', () => {
    expect(isOverdue(action({}), '2021-03-31')).toBe(false);
    expect(isOverdue(action({}), '2021-04-01')).toBe(true);
  });

  it('goes by the revised date when the board agreed one', () => {
    expect(isOverdue(action({ revisedDue: '2021-06-30' }), '2021-04-01')).toBe(false);
  });

  it('is never overdue when Blue or ongoing, and counts an unrated action', () => {
    expect(isOverdue(action({ rating: 'Blue' }), '2022-01-01')).toBe(false);
    expect(isOverdue(action({ due: 'Ongoing' }), '2022-01-01')).toBe(false);
    expect(isOverdue(action({ rating: null }), '2022-01-01')).toBe(true);
  });

  it('finds what was late in the sample plan at the January 2021 board', () => {
    const late = plan.actions.filter((a) => isOverdue(a, '2021-01-27')).map((a) => a.ref);
    expect(late).toEqual(['A5', 'B1', 'B2', 'B4', 'B5', 'C1', 'C2']);
  });
});

describe('stale', () => {
  it('is stale when the latest update is from another period', () => {
    expect(isStale(action({}), 'Apr 2021')).toBe(true);
    expect(isStale(action({}), 'Jan 2021')).toBe(false);
    expect(isStale(action({ rating: null }), 'Jan 2021')).toBe(true);
  });
});

describe('movement', () => {
  it('orders Red below Amber below Green below Blue', () => {
    expect(movement('Red', 'Green')).toBe('improved');
    expect(movement('Green', 'Amber')).toBe('worsened');
    expect(movement('Blue', 'Red')).toBe('worsened');
    expect(movement('Amber', 'Amber')).toBe('same');
  });
});

describe('false green', () => {
  it('warns when a Green action is past its due date', () => {
    expect(falseGreen(action({}), '2021-04-01')).toEqual({
      reason: 'due-date-passed',
      message: 'Rated Green but its due date (31 Mar 2021) has passed.',
    });
  });

  it('warns when more than half the dated steps are past their dates', () => {
    const steps = [
      step('a', '2020-01-31'),
      step('b', '2020-02-29'),
      step('c', '2021-06-30'),
      step('d', null),
    ];
    expect(falseGreen(action({ due: 'Ongoing', steps }), '2020-06-01')).toEqual({
      reason: 'most-steps-past-their-dates',
      message: 'Rated Green but 2 of its 3 dated steps are past their dates and not done.',
    });
  });

  it('goes by the revised dates of steps, and half is not most', () => {
    const steps = [
      step('a', '2020-01-31', '2021-01-31'),
      step('b', '2020-02-29'),
      step('c', '2021-06-30'),
    ];
    expect(falseGreen(action({ due: 'Ongoing', steps }), '2020-06-01')).toBeNull();
    const half = [step('a', '2020-01-31'), step('b', '2021-06-30')];
    expect(falseGreen(action({ due: 'Ongoing', steps: half }), '2020-06-01')).toBeNull();
  });

  it('counts a step ticked done as not late, however old its date', () => {
    const steps = [step('a', '2020-01-31'), step('b', '2020-02-29'), step('c', '2021-06-30')];
    const ticked = action({ due: 'Ongoing', steps, doneSteps: new Set(['a']) });
    expect(falseGreen(ticked, '2020-06-01')).toBeNull();
    const none = action({ due: 'Ongoing', steps, doneSteps: new Set() });
    expect(falseGreen(none, '2020-06-01')?.reason).toBe('most-steps-past-their-dates');
  });

  it('does not question a rating other than Green', () => {
    expect(falseGreen(action({ rating: 'Amber' }), '2022-01-01')).toBeNull();
  });

  it('questions A5 in the sample: Green in January 2021, due March 2020', () => {
    const a5 = plan.actions.find((a) => a.ref === 'A5');
    expect(a5 && falseGreen(a5, '2021-01-27')?.reason).toBe('due-date-passed');
  });
});

describe('rolled over', () => {
  const previous = { rating: 'Amber' as const, note: 'Delayed by COVID 19.' };

  it('is rolled over with the same rating and no new note', () => {
    expect(rolledOver({ rating: 'Amber', note: '', rolledOver: false }, previous)).toBe(true);
    expect(
      rolledOver({ rating: 'Amber', note: ' Delayed by COVID 19. ', rolledOver: false }, previous),
    ).toBe(true);
  });

  it('is not rolled over with a new note, a new rating, or no previous update', () => {
    expect(
      rolledOver({ rating: 'Amber', note: 'Two posts filled.', rolledOver: false }, previous),
    ).toBe(false);
    expect(rolledOver({ rating: 'Green', note: '', rolledOver: false }, previous)).toBe(false);
    expect(rolledOver({ rating: 'Amber', note: '', rolledOver: false }, null)).toBe(false);
  });

  it('is rolled over when the owner chose "no change" in the card', () => {
    expect(rolledOver({ rating: 'Green', note: '', rolledOver: true }, previous)).toBe(true);
  });
});
