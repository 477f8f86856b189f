import { isIsoDate, ONGOING } from './local-date.js';
import type { DueDate, IsoDate } from './local-date.js';
import { readWrittenDate, type NumericOrder } from './written-date.js';

export type DateParseResult =
  | {
      readonly ok: true;
      readonly value: DueDate;
      /** How a numeric day and month were told apart; absent when no numbers were in doubt. */
      readonly order?: NumericOrder;
    }
  | {
      readonly ok: false;
      /** What is wrong, then the forms that work: one sentence to show as it is. */
      readonly message: string;
      /** What is wrong alone, for callers that list the forms themselves. */
      readonly reason: string;
      /** True when the text could mean more than one day. */
      readonly ambiguous: boolean;
    };

const MS_PER_DAY = 86_400_000;

/** Short month names in British usage ("Sept", as the sample plans and en-GB write it). */
const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
] as const;
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const LONG_DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** The forms that work, for every message that refuses a date. */
export const ACCEPTED_DATE_FORMS =
  'Write a day as "31 July 2019", "31st Jul 2019", "July 31, 2019", "31/07/2019" (day first) ' +
  'or "2019-07-31"; a month alone as "July 2019" or "Sept 2019"; or "Ongoing".';

/** 1900-01-01 is serial 1; Excel also counts a 29 Feb 1900 that never existed (serial 60). */
const EXCEL_EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
const EXCEL_EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
/** Serial of 31 Dec 9999, the last day Excel can show. */
const EXCEL_LAST_SERIAL = 2_958_465;

const NUMERIC = /^\d+(\.\d+)?$/;

/**
 * Reads a date as people write them in a plan: ISO ("2019-07-31"), day and month in either
 * order where only one reading is a real day ("31/07/2019", "07/31/2019"; "04/03/2021" is
 * read the British way, 4 March), ordinals ("31st"), month names short or long ("Sept"),
 * with or without commas and a weekday; a month and year ("July 2019", its last day); an
 * Excel serial number (a number or numeric text, 1900 date system); a `Date` from a
 * spreadsheet cell (its UTC day); or "Ongoing" in any case. "Mar 21" (21 March, or March
 * 2021?) is refused as ambiguous, and a day with no year as incomplete.
 */
export function parseImportDate(input: string | number | Date): DateParseResult {
  if (input instanceof Date) return fromDate(input);
  if (typeof input === 'number') return fromExcelSerial(input, String(input));
  const text = input.trim();
  if (text === '') return failure('The date is empty.');
  const lower = text.toLowerCase();
  if (lower === ONGOING.toLowerCase()) return { ok: true, value: ONGOING };
  if (isIsoDate(text)) return { ok: true, value: text };
  if (NUMERIC.test(text)) return fromExcelSerial(Number(text), text);
  return fromWritten(lower, text);
}

/** "15 Jan 2021". */
export function formatDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${day} ${SHORT_MONTHS[month - 1] ?? ''} ${year}`;
}

/** "Fri 15 Jan 2021". */
export function formatDateWithDay(date: IsoDate): string {
  return `${SHORT_DAYS[dayOfWeek(date)] ?? ''} ${formatDate(date)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday, of the calendar date itself. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The last day of a month (`month` 1–12). */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return fromEpochDay(Math.round(utcMidnight(year, month + 1, 0) / MS_PER_DAY));
}

/** Builds a date from its parts (`month` 1–12) without checking them. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function fromWritten(lower: string, input: string): DateParseResult {
  const written = readWrittenDate(lower);
  if (written === undefined) return failure(`"${input}" is not a date I can read.`);
  if (!written.ok) {
    switch (written.reason) {
      case 'AMBIGUOUS':
        return failure(
          `"${input}" could be a day with no year or a month with a two-digit year.`,
          true,
        );
      case 'NO_YEAR':
        return failure(`"${input}" has no year.`);
      case 'UNREADABLE':
        return failure(`"${input}" is not a date I can read.`);
    }
  }
  const { year, month, day } = written;
  if (month < 1 || month > 12) return notARealDay(input);
  const value = day === null ? lastDayOfMonth(year, month) : isoDateOf(year, month, day);
  if (!isIsoDate(value)) return notARealDay(input);
  if (written.weekday !== null && written.weekday !== dayOfWeek(value)) {
    const actual = LONG_DAY_NAMES[dayOfWeek(value)] ?? '';
    return failure(
      `"${input}" names the wrong weekday: ${formatDate(value)} is a ${actual}.`,
      true,
    );
  }
  return written.order === 'named'
    ? { ok: true, value }
    : { ok: true, value, order: written.order };
}

function fromDate(value: Date): DateParseResult {
  if (Number.isNaN(value.getTime())) return failure('The date is not a valid date.');
  return {
    ok: true,
    value: isoDateOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()),
  };
}

function fromExcelSerial(serial: number, shown: string): DateParseResult {
  const whole = Math.floor(serial);
  // A bare year in a cell ("2019") would otherwise read as a day in 1905.
  if (Number.isInteger(serial) && whole >= 1900 && whole <= 2100) {
    return failure(
      `"${shown}" looks like a year on its own. Give the month as well ("July ${shown}") or a full date.`,
    );
  }
  if (!Number.isFinite(serial) || whole < 1 || whole > EXCEL_LAST_SERIAL) {
    return failure(`"${shown}" is not a date Excel can hold.`);
  }
  if (whole === EXCEL_FAKE_LEAP_DAY) {
    return failure(`"${shown}" is 29 Feb 1900 in Excel, a day that never existed.`);
  }
  const epoch = whole < EXCEL_FAKE_LEAP_DAY ? EXCEL_EPOCH_BEFORE_BUG : EXCEL_EPOCH_AFTER_BUG;
  return { ok: true, value: fromEpochDay(Math.round(epoch / MS_PER_DAY) + whole) };
}

function notARealDay(input: string): DateParseResult {
  return failure(`"${input}" is not a real day (check the day and month).`);
}

function failure(reason: string, ambiguous = false): DateParseResult {
  return { ok: false, message: `${reason} ${ACCEPTED_DATE_FORMS}`, reason, ambiguous };
}

function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  return Math.round(utcMidnight(year, month, day) / MS_PER_DAY);
}

/** Like `Date.UTC`, without its reading of years 0–99 as 1900–1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const value = new Date(0);
  value.setUTCFullYear(year, month - 1, day);
  return value.getTime();
}

function fromEpochDay(epochDay: number): IsoDate {
  const value = new Date(epochDay * MS_PER_DAY);
  return isoDateOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
