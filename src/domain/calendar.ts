import { englandAndWalesBankHolidays } from './bank-holidays.js';
import { addDays, dayOfWeek } from './dates.js';
import type { IsoDate } from './local-date.js';
import type { ReportingRules } from './programme.js';
import { localDateTimeOf, minutesOfDay } from './zoned-time.js';

export { localDateOf, localDateTimeOf, localTimeOf, zonedInstant } from './zoned-time.js';

/** What decides whether a day is a working day for a programme. */
export type WorkingCalendar = Pick<ReportingRules, 'bankHolidays' | 'extraNonWorkingDays'>;

const SATURDAY = 6;
const SUNDAY = 0;

const bankHolidaySets = new Map<number, ReadonlySet<IsoDate>>();

function isBankHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let holidays = bankHolidaySets.get(year);
  if (!holidays) {
    holidays = new Set(englandAndWalesBankHolidays(year));
    bankHolidaySets.set(year, holidays);
  }
  return holidays.has(date);
}

/** True on a weekday that is neither a bank holiday nor one of the programme's own closures. */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === SATURDAY || weekday === SUNDAY) return false;
  if (calendar.bankHolidays === 'england-and-wales' && isBankHoliday(date)) return false;
  return !calendar.extraNonWorkingDays.includes(date);
}

/**
 * Moves `n` working days (negative = back) from `date`, not counting `date` itself, so
 * ten working days before Fri 15 Jan 2021 is Thu 31 Dec 2020 (1 Jan is a bank holiday).
 * `n = 0` gives `date` unchanged, working day or not.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}.`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = date;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) remaining -= 1;
  }
  return day;
}

/** The latest working day on or before `date`. */
export function workingDayOnOrBefore(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, -1);
  return day;
}

/** The earliest working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/**
 * True when the instant falls on a working day in `timeZone` and its local time is within
 * quiet hours' sending window, [start, end).
 */
export function isSendingTime(
  instant: Date,
  timeZone: string,
  rules: Pick<ReportingRules, 'bankHolidays' | 'extraNonWorkingDays' | 'quietHours'>,
): boolean {
  const local = localDateTimeOf(instant, timeZone);
  if (!isWorkingDay(local.date, rules)) return false;
  const minutes = minutesOfDay(local.time);
  return (
    minutes >= minutesOfDay(rules.quietHours.start) && minutes < minutesOfDay(rules.quietHours.end)
  );
}
