import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSendingTime, isWorkingDay, localDateOf } from '../../src/domain/calendar.js';
import { addDays } from '../../src/domain/dates.js';
import {
  digestMessageKey,
  digestPeriodOn,
  digestSchedule,
  digestsDue,
} from '../../src/domain/digest-schedule.js';
import { DEFAULT_RULES } from '../../src/domain/programme.js';
import type { Programme, ReportingRules } from '../../src/domain/programme.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const { programme: sample } = loadSamplePlan();

function programmeWith(
  boardMeeting: string,
  rules: Partial<ReportingRules> = {},
  timeZone = 'Europe/London',
): Programme {
  return {
    id: 'p',
    name: 'Test programme',
    timeZone,
    periods: [{ id: 'P1', closes: addDays(boardMeeting, -14), boardMeeting }],
    rules: { ...DEFAULT_RULES, ...rules },
  };
}

describe('digest schedule', () => {
  it('posts the January 2021 digest at 09:00 two working days before the board meets', () => {
    const digest = digestSchedule(sample).find((d) => d.periodId === 'Jan 2021');
    expect(digest).toMatchObject({ boardMeeting: '2021-01-27', day: '2021-01-25' });
    expect(digest?.sendAt.toISOString()).toBe('2021-01-25T09:00:00.000Z');
  });

  it('keeps 09:00 local time in summer (British Summer Time)', () => {
    const digest = digestSchedule(sample).find((d) => d.periodId === 'Apr 2020');
    expect(digest?.day).toBe('2020-05-04');
    expect(digest?.sendAt.toISOString()).toBe('2020-05-04T08:00:00.000Z');
  });

  it('skips a bank holiday when counting back the working days', () => {
    // Monday 26 August 2019 was the summer bank holiday.
    const [digest] = digestSchedule(programmeWith('2019-08-27'));
    expect(digest?.day).toBe('2019-08-22');
  });

  it('follows the programme’s own number of days and time', () => {
    const rules = { digestWorkingDaysBefore: 5, digestAt: '10:30' };
    const [digest] = digestSchedule(programmeWith('2021-01-27', rules));
    expect(digest?.day).toBe('2021-01-20');
    expect(digest?.sendAt.toISOString()).toBe('2021-01-20T10:30:00.000Z');
  });

  it('moves a time set outside the sending window to its opening', () => {
    const [early] = digestSchedule(programmeWith('2021-01-27', { digestAt: '06:00' }));
    const [late] = digestSchedule(programmeWith('2021-01-27', { digestAt: '19:30' }));
    expect(early?.sendAt.toISOString()).toBe('2021-01-25T08:00:00.000Z');
    expect(late?.sendAt.toISOString()).toBe('2021-01-25T08:00:00.000Z');
  });

  it('plans nothing for a period with no board meeting', () => {
    const programme = {
      ...sample,
      periods: [{ id: 'X', closes: '2021-01-15', boardMeeting: null }],
    };
    expect(digestSchedule(programme)).toEqual([]);
  });

  it('is due from its time until the end of the meeting day, never at a weekend', () => {
    const due = (iso: string) => digestsDue(sample, new Date(iso)).map((d) => d.periodId);
    expect(due('2021-01-25T08:59:00Z')).toEqual([]);
    expect(due('2021-01-25T09:00:00Z')).toEqual(['Jan 2021']);
    expect(due('2021-01-26T12:00:00Z')).toEqual(['Jan 2021']);
    expect(due('2021-01-27T17:59:00Z')).toEqual(['Jan 2021']);
    expect(due('2021-01-28T09:00:00Z')).toEqual([]);
    expect(due('2021-01-25T19:00:00Z')).toEqual([]);
  });

  it('gives each board channel its own stable outbox key', () => {
    expect(digestMessageKey('wsoa', 'Jan 2021', 'channel-1')).toBe(
      'wsoa|Jan 2021|digest|channel-1',
    );
    expect(digestMessageKey('wsoa', 'Jan 2021', 'channel-1')).not.toBe(
      digestMessageKey('wsoa', 'Jan 2021', 'channel-2'),
    );
  });

  it('never schedules a digest outside sending time, nor on or after the meeting (2019–2030)', () => {
    const dates = fc
      .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z') })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString().slice(0, 10));
    const times = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(dates, times, fc.integer({ min: 0, max: 10 }), (meeting, at, before) => {
        const programme = programmeWith(meeting, { digestAt: at, digestWorkingDaysBefore: before });
        const [digest] = digestSchedule(programme);
        if (!digest) return false;
        const local = localDateOf(digest.sendAt, programme.timeZone);
        return (
          isSendingTime(digest.sendAt, programme.timeZone, programme.rules) &&
          isWorkingDay(local, programme.rules) &&
          local <= meeting &&
          (before === 0 || local < meeting)
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('digest period', () => {
  it('is the latest period that has closed', () => {
    expect(digestPeriodOn(sample, '2021-01-25')?.id).toBe('Jan 2021');
    expect(digestPeriodOn(sample, '2021-01-15')?.id).toBe('Jan 2021');
    expect(digestPeriodOn(sample, '2021-01-14')?.id).toBe('Oct 2020');
  });

  it('is the first period before any has closed', () => {
    expect(digestPeriodOn(sample, '2019-01-01')?.id).toBe('Oct 2019');
  });
});
