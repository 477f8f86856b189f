import { addDays, dayOfWeek, isoDateOf, lastDayOfMonth } from './dates.js';
import type { IsoDate } from './local-date.js';

/** A bank holiday and the name GOV.UK gives it. */
export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

/**
 * Days proclaimed once (jubilees, royal weddings, a state funeral, a coronation, the
 * millennium), and the regular holidays those years moved. From GOV.UK's published lists
 * and the proclamations behind them.
 */
const ONE_OFF_ADDED: readonly BankHoliday[] = [
  { date: '1973-11-14', name: 'Wedding of Princess Anne' },
  { date: '1977-06-07', name: 'Silver Jubilee of Elizabeth II' },
  { date: '1981-07-29', name: 'Wedding of the Prince of Wales' },
  { date: '1999-12-31', name: 'Millennium celebrations' },
  { date: '2002-06-04', name: 'Golden Jubilee of Elizabeth II' },
  { date: '2011-04-29', name: 'Royal wedding' },
  { date: '2012-06-05', name: 'Diamond Jubilee of Elizabeth II' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

/** Regular holidays moved to mark an anniversary or make room for a one-off. */
const ONE_OFF_MOVED: Readonly<Record<IsoDate, IsoDate>> = {
  '1995-05-01': '1995-05-08', // VE Day 50th anniversary
  '2020-05-04': '2020-05-08', // VE Day 75th anniversary
  '2002-05-27': '2002-06-03', // Golden Jubilee weekend
  '2012-05-28': '2012-06-04', // Diamond Jubilee weekend
  '2022-05-30': '2022-06-02', // Platinum Jubilee weekend
};

const namedCache = new Map<number, readonly BankHoliday[]>();
const datesCache = new Map<number, readonly IsoDate[]>();

/**
 * Bank holidays of England and Wales in a year, computed from the rules in force since 1978
 * (New Year's Day from 1974, the May and August Mondays from 1971, Whit Monday and the first
 * Monday of August before that), with weekend substitutes and the known one-off changes.
 * Sorted and memoised per year.
 */
export function englandAndWalesBankHolidays(year: number): readonly IsoDate[] {
  let dates = datesCache.get(year);
  if (!dates) {
    dates = Object.freeze(englandAndWalesBankHolidaysNamed(year).map((holiday) => holiday.date));
    datesCache.set(year, dates);
  }
  return dates;
}

/** As {@link englandAndWalesBankHolidays}, with each holiday's name, for showing people. */
export function englandAndWalesBankHolidaysNamed(year: number): readonly BankHoliday[] {
  let holidays = namedCache.get(year);
  if (!holidays) {
    holidays = Object.freeze(computeYear(year));
    namedCache.set(year, holidays);
  }
  return holidays;
}

function computeYear(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const regular: BankHoliday[] = [
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    ...(year >= 1971
      ? [
          { date: lastMonday(year, 5), name: 'Spring bank holiday' },
          { date: lastMonday(year, 8), name: 'Summer bank holiday' },
        ]
      : [
          { date: addDays(easter, 50), name: 'Whit Monday' },
          { date: firstMonday(year, 8), name: 'August bank holiday' },
        ]),
  ];
  if (year >= 1974) regular.push(newYearsDay(year));
  if (year >= 1978) regular.push({ date: firstMonday(year, 5), name: 'Early May bank holiday' });
  regular.push(...christmasAndBoxingDay(year));

  const moved = regular.map((holiday) => ({
    ...holiday,
    date: ONE_OFF_MOVED[holiday.date] ?? holiday.date,
  }));
  const added = ONE_OFF_ADDED.filter((holiday) => holiday.date.startsWith(`${year}-`));
  return [...moved, ...added].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function newYearsDay(year: number): BankHoliday {
  const day = isoDateOf(year, 1, 1);
  const weekday = dayOfWeek(day);
  if (weekday === SATURDAY)
    return { date: addDays(day, 2), name: "New Year's Day (substitute day)" };
  if (weekday === SUNDAY) return { date: addDays(day, 1), name: "New Year's Day (substitute day)" };
  return { date: day, name: "New Year's Day" };
}

/** Weekend holidays move to the next weekdays not already a holiday, Christmas first. */
function christmasAndBoxingDay(year: number): BankHoliday[] {
  const christmas = isoDateOf(year, 12, 25);
  const boxingDay = isoDateOf(year, 12, 26);
  switch (dayOfWeek(christmas)) {
    case 5: // Friday: Boxing Day falls on Saturday
      return [
        { date: christmas, name: 'Christmas Day' },
        { date: addDays(christmas, 3), name: 'Boxing Day (substitute day)' },
      ];
    case SATURDAY:
      return [
        { date: addDays(christmas, 2), name: 'Christmas Day (substitute day)' },
        { date: addDays(christmas, 3), name: 'Boxing Day (substitute day)' },
      ];
    case SUNDAY:
      return [
        { date: boxingDay, name: 'Boxing Day' },
        { date: addDays(christmas, 2), name: 'Christmas Day (substitute day)' },
      ];
    default:
      return [
        { date: christmas, name: 'Christmas Day' },
        { date: boxingDay, name: 'Boxing Day' },
      ];
  }
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDateOf(year, month, 1);
  return addDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = lastDayOfMonth(year, month);
  return addDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}
