import { isIsoDate, ONGOING } from './local-date.js';
import type { DueDate, IsoDate } from './local-date.js';

export type DateParseResult =
  { readonly ok: true; readonly value: DueDate } | { readonly ok: false; readonly message: string };

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
const LONG_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const ACCEPTED_FORMS =
  'Use a month and year ("July 2019", "Sept 2019"), a full date ("2019-07-31" or ' +
  '"31/07/2019"), an Excel date, or "Ongoing".';

/** 1900-01-01 is serial 1; Excel also counts a 29 Feb 1900 that never existed (serial 60). */
const EXCEL_EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
const EXCEL_EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
/** Serial of 31 Dec 9999, the last day Excel can show. */
const EXCEL_LAST_SERIAL = 2_958_465;

const MONTH_YEAR = /^([a-z]+)\.?,?\s+(\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/;
const DAY_FIRST_NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const NUMERIC = /^\d+(\.\d+)?$/;

/**
 * Reads a date as the import format allows it: "July 2019", "Sept 2019", "Jan 2020",
 * "January 2020", "2019-07-31", "31/07/2019", "31 Jul 2019", an Excel serial number (a number
 * or numeric text, 1900 date system), a `Date` from a spreadsheet cell (its UTC day), or
 * "Ongoing" in any case. A month alone means its last day.
 */
export function parseImportDate(input: string | number | Date): DateParseResult {
  if (input instanceof Date) return fromDate(input);
  if (typeof input === 'number') return fromExcelSerial(input, String(input));
  const text = input.trim();
  if (text === '') return failure('The date is empty. ' + ACCEPTED_FORMS);
  const lower = text.toLowerCase();
  if (lower === ONGOING.toLowerCase()) return { ok: true, value: ONGOING };
  if (isIsoDate(text)) return { ok: true, value: text };
  if (NUMERIC.test(text)) return fromExcelSerial(Number(text), text);
  return fromWords(lower, input) ?? fromDayFirst(text, input) ?? notADate(input);
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

function fromWords(lower: string, input: string): DateParseResult | undefined {
  const monthYear = MONTH_YEAR.exec(lower);
  if (monthYear) {
    const month = monthNumber(monthYear[1] ?? '');
    if (month === undefined) return notADate(input);
    return { ok: true, value: lastDayOfMonth(Number(monthYear[2]), month) };
  }
  const dayMonthYear = DAY_MONTH_YEAR.exec(lower);
  if (dayMonthYear) {
    const month = monthNumber(dayMonthYear[2] ?? '');
    if (month === undefined) return notADate(input);
    return checkedDate(Number(dayMonthYear[3]), month, Number(dayMonthYear[1]), input);
  }
  return undefined;
}

function fromDayFirst(text: string, input: string): DateParseResult | undefined {
  const match = DAY_FIRST_NUMERIC.exec(text);
  if (!match) return undefined;
  return checkedDate(Number(match[3]), Number(match[2]), Number(match[1]), input);
}

function fromDate(value: Date): DateParseResult {
  if (Number.isNaN(value.getTime()))
    return failure('The date is not a valid date. ' + ACCEPTED_FORMS);
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
    return failure(`"${shown}" is not a date Excel can hold. ${ACCEPTED_FORMS}`);
  }
  if (whole === EXCEL_FAKE_LEAP_DAY) {
    return failure(
      `"${shown}" is 29 Feb 1900 in Excel, a day that never existed. ${ACCEPTED_FORMS}`,
    );
  }
  const epoch = whole < EXCEL_FAKE_LEAP_DAY ? EXCEL_EPOCH_BEFORE_BUG : EXCEL_EPOCH_AFTER_BUG;
  return { ok: true, value: fromEpochDay(Math.round(epoch / MS_PER_DAY) + whole) };
}

function checkedDate(year: number, month: number, day: number, input: string): DateParseResult {
  const value = isoDateOf(year, month, day);
  if (isIsoDate(value)) return { ok: true, value };
  return failure(`"${input}" is not a real day (check the day and month). ${ACCEPTED_FORMS}`);
}

function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  // "sept" is the only four-letter abbreviation in use; every other is a prefix of the name.
  const index = LONG_MONTHS.findIndex((name) => name.startsWith(word));
  return index === -1 ? undefined : index + 1;
}

function notADate(input: string): DateParseResult {
  return failure(`"${input}" is not a date I can read. ${ACCEPTED_FORMS}`);
}

function failure(message: string): DateParseResult {
  return { ok: false, message };
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
