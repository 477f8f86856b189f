import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  englandAndWalesBankHolidays,
  englandAndWalesBankHolidaysNamed,
} from '../../src/domain/bank-holidays.js';
import {
  addWorkingDays,
  isSendingTime,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  zonedInstant,
} from '../../src/domain/calendar.js';
import type { WorkingCalendar } from '../../src/domain/calendar.js';
import { dayOfWeek } from '../../src/domain/dates.js';
import { DEFAULT_RULES } from '../../src/domain/programme.js';

const LONDON = 'Europe/London';
const englandAndWales: WorkingCalendar = {
  bankHolidays: 'england-and-wales',
  extraNonWorkingDays: [],
};
const weekdaysOnly: WorkingCalendar = { bankHolidays: 'none', extraNonWorkingDays: [] };

const days2019To2030 = fc
  .integer({ min: Date.UTC(2019, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const instants2019To2030 = fc
  .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) })
  .map((ms) => new Date(ms));
const timesOfDay = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('bank holidays of England and Wales', () => {
  // 2019–2027 as published on GOV.UK (www.gov.uk/bank-holidays); 2028–2030 by the same rules.
  it.each([
    [2019, ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [
      2022,
      ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    ],
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2028, ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26']],
    [2029, ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26']],
    [2030, ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26']],
  ])('lists the bank holidays of %i, substitutes and one-offs included', (year, days) => {
    expect(englandAndWalesBankHolidays(year)).toEqual(days.map((day) => `${year}-${day}`));
  });

  it.each([
    ['1995-05-08', 'VE Day 50 moved the early May holiday'],
    ['1999-12-31', 'the millennium'],
    ['2002-06-03', 'the Golden Jubilee moved the spring holiday'],
    ['2002-06-04', 'the Golden Jubilee'],
    ['2011-04-29', 'the royal wedding'],
    ['2012-06-04', 'the Diamond Jubilee moved the spring holiday'],
    ['2012-06-05', 'the Diamond Jubilee'],
  ])('includes %s (%s)', (date) => {
    expect(englandAndWalesBankHolidays(Number(date.slice(0, 4)))).toContain(date);
  });

  it('names substitute days the way GOV.UK does', () => {
    expect(englandAndWalesBankHolidaysNamed(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(englandAndWalesBankHolidaysNamed(2022)[0]).toEqual({
      date: '2022-01-03',
      name: "New Year's Day (substitute day)",
    });
  });

  it('never puts a bank holiday on a weekend, and lists each year in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1978, max: 2200 }), (year) => {
        const days = englandAndWalesBankHolidays(year);
        expect(days.length).toBeGreaterThanOrEqual(8);
        expect([...days].sort()).toEqual(days);
        expect(new Set(days).size).toBe(days.length);
        for (const day of days) {
          expect(day.startsWith(`${year}-`)).toBe(true);
          expect([0, 6]).not.toContain(dayOfWeek(day));
        }
      }),
    );
  });
});

describe('working days', () => {
  it('skips weekends, bank holidays and the programme’s own closures', () => {
    expect(isWorkingDay('2021-01-15', englandAndWales)).toBe(true);
    expect(isWorkingDay('2021-01-16', englandAndWales)).toBe(false);
    expect(isWorkingDay('2021-01-17', englandAndWales)).toBe(false);
    expect(isWorkingDay('2021-01-01', englandAndWales)).toBe(false);
    expect(isWorkingDay('2021-01-01', weekdaysOnly)).toBe(true);
    const closedOnFriday = { ...englandAndWales, extraNonWorkingDays: ['2021-01-15'] };
    expect(isWorkingDay('2021-01-15', closedOnFriday)).toBe(false);
  });

  it('puts the first prompt for a period closing 15 Jan 2021 on 31 Dec 2020, past New Year’s Day', () => {
    expect(addWorkingDays('2021-01-15', -10, englandAndWales)).toBe('2020-12-31');
    expect(addWorkingDays('2021-01-15', -5, englandAndWales)).toBe('2021-01-08');
    expect(addWorkingDays('2021-01-15', -2, englandAndWales)).toBe('2021-01-13');
    expect(addWorkingDays('2021-01-15', -10, weekdaysOnly)).toBe('2021-01-01');
  });

  it('counts forward over Christmas and a weekend', () => {
    expect(addWorkingDays('2020-12-24', 1, englandAndWales)).toBe('2020-12-29');
    expect(addWorkingDays('2021-01-15', 0, englandAndWales)).toBe('2021-01-15');
  });

  it('finds the nearest working day before or after a day off', () => {
    expect(workingDayOnOrBefore('2021-01-03', englandAndWales)).toBe('2020-12-31');
    expect(workingDayOnOrBefore('2021-01-15', englandAndWales)).toBe('2021-01-15');
    expect(workingDayOnOrAfter('2020-12-25', englandAndWales)).toBe('2020-12-29');
  });

  it('always lands on a working day, and coming back the same distance returns to the start', () => {
    fc.assert(
      fc.property(days2019To2030, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const start = workingDayOnOrBefore(date, englandAndWales);
        const later = addWorkingDays(start, n, englandAndWales);
        expect(isWorkingDay(later, englandAndWales)).toBe(true);
        expect(addWorkingDays(later, -n, englandAndWales)).toBe(start);
      }),
    );
  });
});

describe('time in the programme’s time zone', () => {
  it('reads local dates and times either side of the March and October clock changes', () => {
    expect(localTimeOf(new Date('2021-03-28T00:59:00Z'), LONDON)).toBe('00:59');
    expect(localTimeOf(new Date('2021-03-28T01:00:00Z'), LONDON)).toBe('02:00');
    expect(localDateOf(new Date('2021-06-30T23:30:00Z'), LONDON)).toBe('2021-07-01');
    expect(localTimeOf(new Date('2021-10-31T00:30:00Z'), LONDON)).toBe('01:30');
    expect(localTimeOf(new Date('2021-10-31T01:30:00Z'), LONDON)).toBe('01:30');
  });

  it('places a local time on the right instant in summer and winter', () => {
    expect(zonedInstant('2021-01-15', '09:00', LONDON).toISOString()).toBe(
      '2021-01-15T09:00:00.000Z',
    );
    expect(zonedInstant('2021-07-15', '09:00', LONDON).toISOString()).toBe(
      '2021-07-15T08:00:00.000Z',
    );
    expect(zonedInstant('2021-07-15', '09:00', 'America/New_York').toISOString()).toBe(
      '2021-07-15T13:00:00.000Z',
    );
  });

  it('takes the first instant after the gap for a time skipped when the clocks go forward', () => {
    expect(zonedInstant('2021-03-28', '01:30', LONDON).toISOString()).toBe(
      '2021-03-28T01:00:00.000Z',
    );
  });

  it('takes the earlier of the two instants for a time repeated when the clocks go back', () => {
    expect(zonedInstant('2021-10-31', '01:30', LONDON).toISOString()).toBe(
      '2021-10-31T00:30:00.000Z',
    );
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => zonedInstant('2021-01-15', '9am', LONDON)).toThrow(/HH:MM/);
  });

  it('round-trips every local date and time that exists, 2019 to 2030', () => {
    fc.assert(
      fc.property(days2019To2030, timesOfDay, (date, time) => {
        const instant = zonedInstant(date, time, LONDON);
        const skipped = localTimeOf(instant, LONDON) !== time;
        if (skipped) {
          // Only the hour lost in March is skipped, and it lands where the clocks changed.
          expect(date.slice(5, 7)).toBe('03');
          expect(time.startsWith('01:')).toBe(true);
          expect(localTimeOf(instant, LONDON)).toBe('02:00');
        }
        expect(localDateOf(instant, LONDON)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every instant again from its local date and time, 2019 to 2030', () => {
    fc.assert(
      fc.property(instants2019To2030, (instant) => {
        const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
        const found = zonedInstant(
          localDateOf(instant, LONDON),
          localTimeOf(instant, LONDON),
          LONDON,
        );
        // In the hour repeated each October the earlier reading is the one given.
        expect([minute, minute - 3_600_000]).toContain(found.getTime());
        if (found.getTime() !== minute) expect(localDateOf(instant, LONDON).slice(5, 7)).toBe('10');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sending time', () => {
  const at = (date: string, time: string) => zonedInstant(date, time, LONDON);

  it('sends from 08:00 up to, not including, 18:00 local time on working days', () => {
    expect(isSendingTime(at('2021-01-15', '08:00'), LONDON, DEFAULT_RULES)).toBe(true);
    expect(isSendingTime(at('2021-07-15', '17:59'), LONDON, DEFAULT_RULES)).toBe(true);
    expect(isSendingTime(at('2021-01-15', '07:59'), LONDON, DEFAULT_RULES)).toBe(false);
    expect(isSendingTime(at('2021-07-15', '18:00'), LONDON, DEFAULT_RULES)).toBe(false);
  });

  it('uses local time, so 07:30 UTC in summer is already 08:30 in London', () => {
    expect(isSendingTime(new Date('2021-07-15T07:30:00Z'), LONDON, DEFAULT_RULES)).toBe(true);
    expect(isSendingTime(new Date('2021-01-15T07:30:00Z'), LONDON, DEFAULT_RULES)).toBe(false);
  });

  it('never sends on a weekend or a bank holiday', () => {
    expect(isSendingTime(at('2021-01-16', '10:00'), LONDON, DEFAULT_RULES)).toBe(false);
    expect(isSendingTime(at('2021-01-17', '10:00'), LONDON, DEFAULT_RULES)).toBe(false);
    expect(isSendingTime(at('2021-01-01', '10:00'), LONDON, DEFAULT_RULES)).toBe(false);
    expect(isSendingTime(at('2022-09-19', '10:00'), LONDON, DEFAULT_RULES)).toBe(false);
  });

  it('agrees with the local calendar for any instant 2019 to 2030', () => {
    fc.assert(
      fc.property(instants2019To2030, (instant) => {
        const date = localDateOf(instant, LONDON);
        const time = localTimeOf(instant, LONDON);
        const expected = isWorkingDay(date, DEFAULT_RULES) && time >= '08:00' && time < '18:00';
        expect(isSendingTime(instant, LONDON, DEFAULT_RULES)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
