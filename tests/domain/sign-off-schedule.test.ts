import { describe, expect, it } from 'vitest';
import { signOffsDue } from '../../src/domain/sign-off-schedule.js';
import { loadSamplePlan } from '../support/sample-plan.js';

/** The sample's Jan 2021 period closes on Friday 15 January; its board meets on the 27th. */
const { programme } = loadSamplePlan();
const due = (iso: string) => signOffsDue(programme, new Date(iso)).map((s) => s.period.id);

describe('when leads are asked to sign off a period', () => {
  it('is not before the closing day is over', () => {
    expect(due('2021-01-15T16:00:00Z')).toEqual([]);
  });

  it('is from the first working day after it closes until the board has met', () => {
    expect(due('2021-01-18T08:00:00Z')).toEqual(['Jan 2021']);
    expect(due('2021-01-27T17:00:00Z')).toEqual(['Jan 2021']);
    expect(due('2021-01-28T09:00:00Z')).toEqual([]);
  });
});
