import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatDate,
  formatDateWithDay,
  lastDayOfMonth,
  parseImportDate,
} from '../../src/domain/dates.js';
import type { DateParseResult } from '../../src/domain/dates.js';

function valueOf(result: DateParseResult): string {
  if (!result.ok) throw new Error(`expected a date, got: ${result.message}`);
  return result.value;
}

function messageOf(result: DateParseResult): string {
  if (result.ok) throw new Error(`expected an error, got ${result.value}`);
  return result.message;
}

const isoDates = fc
  .date({
    min: new Date('1950-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('reading dates from the import format', () => {
  it.each([
    ['July 2019', '2019-07-31'],
    ['Sept 2019', '2019-09-30'],
    ['Sep 2019', '2019-09-30'],
    ['Jan 2020', '2020-01-31'],
    ['January 2020', '2020-01-31'],
    ['Feb 2020', '2020-02-29'],
    ['Feb 2021', '2021-02-28'],
    ['  april 2020 ', '2020-04-30'],
    ['DECEMBER 2019', '2019-12-31'],
    ['Sept. 2019', '2019-09-30'],
  ])('reads the month alone "%s" as its last day, %s', (input, expected) => {
    expect(valueOf(parseImportDate(input))).toBe(expected);
  });

  it.each([
    ['2019-07-31', '2019-07-31'],
    ['31/07/2019', '2019-07-31'],
    ['1/2/2021', '2021-02-01'],
    ['31.07.2019', '2019-07-31'],
    ['15 Jan 2021', '2021-01-15'],
    ['3 September 2020', '2020-09-03'],
  ])('reads the full date "%s" as %s, day first as in Britain', (input, expected) => {
    expect(valueOf(parseImportDate(input))).toBe(expected);
  });

  it.each(['Ongoing', 'ongoing', 'ONGOING', ' Ongoing '])('reads "%s" as Ongoing', (input) => {
    expect(valueOf(parseImportDate(input))).toBe('Ongoing');
  });

  it.each([
    [43677, '2019-07-31'],
    ['43677', '2019-07-31'],
    [44211, '2021-01-15'],
    [44211.75, '2021-01-15'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
  ])(
    'reads the Excel serial number %s as %s, counting Excel’s 1900 leap day',
    (input, expected) => {
      expect(valueOf(parseImportDate(input))).toBe(expected);
    },
  );

  it('reads a spreadsheet cell’s date as the day it shows in UTC', () => {
    expect(valueOf(parseImportDate(new Date('2019-07-31T00:00:00Z')))).toBe('2019-07-31');
    expect(valueOf(parseImportDate(new Date('2021-03-28T23:30:00Z')))).toBe('2021-03-28');
  });

  it('says an empty date is empty, so callers can decide whether blank is allowed', () => {
    expect(messageOf(parseImportDate(''))).toMatch(/empty/);
    expect(messageOf(parseImportDate('   '))).toMatch(/empty/);
  });

  it.each(['soon', 'Q3 2019', 'Julember 2019', 'Ju 2019', '07-2019x', 'End of July'])(
    'refuses "%s", quoting it and listing the forms it accepts',
    (input) => {
      const message = messageOf(parseImportDate(input));
      expect(message).toContain(`"${input}"`);
      expect(message).toContain('July 2019');
      expect(message).toContain('31/07/2019');
      expect(message).toContain('Ongoing');
    },
  );

  it.each(['31/02/2021', '2021-02-30', '32 Jan 2021', '13/13/2021', '30th February 2021'])(
    'refuses the impossible day "%s"',
    (input) => {
      expect(messageOf(parseImportDate(input))).toMatch(/not a real day|not a date/);
    },
  );

  it('refuses a year on its own rather than reading it as a day in 1905', () => {
    expect(messageOf(parseImportDate('2019'))).toMatch(/year on its own/);
    expect(messageOf(parseImportDate(2020))).toMatch(/year on its own/);
  });

  it('refuses Excel’s 29 February 1900, which never happened', () => {
    expect(messageOf(parseImportDate(60))).toMatch(/never existed/);
  });

  it('refuses an invalid Date and out-of-range serial numbers', () => {
    expect(parseImportDate(new Date(Number.NaN)).ok).toBe(false);
    expect(parseImportDate(0).ok).toBe(false);
    expect(parseImportDate(-3).ok).toBe(false);
    expect(parseImportDate(Number.POSITIVE_INFINITY).ok).toBe(false);
  });

  it('reads back every date it writes, in ISO and British forms', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const [y, m, d] = date.split('-');
        expect(valueOf(parseImportDate(date))).toBe(date);
        expect(valueOf(parseImportDate(`${d}/${m}/${y}`))).toBe(date);
        expect(valueOf(parseImportDate(formatDate(date)))).toBe(date);
      }),
    );
  });

  it('agrees with Excel serial numbers for every day after March 1900', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const serial = daysBetween('1899-12-30', date);
        expect(valueOf(parseImportDate(serial))).toBe(date);
      }),
    );
  });
});

describe('showing dates to people', () => {
  it('writes dates the British way with a short month', () => {
    expect(formatDate('2021-01-15')).toBe('15 Jan 2021');
    expect(formatDate('2019-09-01')).toBe('1 Sept 2019');
    expect(formatDateWithDay('2021-01-15')).toBe('Fri 15 Jan 2021');
    expect(formatDateWithDay('2020-12-31')).toBe('Thu 31 Dec 2020');
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2021-03-27', 2)).toBe('2021-03-29');
    expect(addDays('2021-01-15', 0)).toBe('2021-01-15');
  });

  it('knows the day of the week of the date itself', () => {
    expect(dayOfWeek('2021-01-15')).toBe(5);
    expect(dayOfWeek('2021-01-16')).toBe(6);
    expect(dayOfWeek('2021-01-17')).toBe(0);
  });

  it('finds the last day of any month', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2019, 12)).toBe('2019-12-31');
  });

  it('moves forward and back by the same number of days to the same date', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(addDays(moved, -days)).toBe(date);
        expect(daysBetween(date, moved)).toBe(days);
        expect(dayOfWeek(moved)).toBe((((dayOfWeek(date) + days) % 7) + 7) % 7);
      }),
    );
  });
});
