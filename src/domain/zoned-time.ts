import { isoDateOf } from './dates.js';
import { DomainError } from './errors.js';
import { isIsoDate } from './local-date.js';
import type { IsoDate } from './local-date.js';

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;
const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

// Creating an Intl.DateTimeFormat costs far more than using one, and the scheduler asks
// about the same few zones thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockOf(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? Number.NaN,
    month: fields['month'] ?? Number.NaN,
    day: fields['day'] ?? Number.NaN,
    hour: fields['hour'] ?? Number.NaN,
    minute: fields['minute'] ?? Number.NaN,
    second: fields['second'] ?? Number.NaN,
  };
}

/** The wall clock read as if it were UTC, in milliseconds. */
function wallClockMs(clock: WallClock): number {
  const value = new Date(0);
  value.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  value.setUTCHours(clock.hour, clock.minute, clock.second);
  return value.getTime();
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / MS_PER_SECOND) * MS_PER_SECOND;
  return wallClockMs(wallClockOf(wholeSecond, timeZone)) - wholeSecond;
}

/** The local date and wall-clock time ("HH:MM") of an instant, read once. */
export function localDateTimeOf(instant: Date, timeZone: string): { date: IsoDate; time: string } {
  const clock = wallClockOf(instant.getTime(), timeZone);
  return {
    date: isoDateOf(clock.year, clock.month, clock.day),
    time: `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`,
  };
}

/** Minutes since midnight of a time written "HH:MM" (or "H:MM"). */
export function minutesOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match)
    throw new DomainError('INVALID_DATE', `"${time}" is not a time of day (HH:MM).`, { time });
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The local calendar date of an instant in an IANA time zone. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return localDateTimeOf(instant, timeZone).date;
}

/** Local wall-clock time "HH:MM" of an instant in a time zone. */
export function localTimeOf(instant: Date, timeZone: string): string {
  return localDateTimeOf(instant, timeZone).time;
}

/**
 * The instant at which it is `time` ("HH:MM") on local `date` in `timeZone`. A time that
 * happens twice (clocks going back) gives the earlier instant; a time that never happens
 * (clocks going forward) gives the first instant after the gap.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const match = TIME_OF_DAY.exec(time);
  if (!isIsoDate(date) || !match) {
    throw new DomainError(
      'INVALID_DATE',
      `Cannot place "${date} ${time}": expected YYYY-MM-DD and HH:MM.`,
      {
        date,
        time,
      },
    );
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wanted = wallClockMs({
    year,
    month,
    day,
    hour: Number(match[1]),
    minute: Number(match[2]),
    second: 0,
  });

  // Real zones change offset at most once in any two days, so the offsets a day either side
  // are the only two this wall-clock time can be read with.
  const offsetBefore = offsetAt(wanted - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wanted + MS_PER_DAY, timeZone);
  const candidates = [wanted - offsetBefore, wanted - offsetAfter]
    .filter((instant) => wallClockMs(wallClockOf(instant, timeZone)) === wanted)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  return new Date(
    firstInstantWithOffset(wanted - offsetBefore, wanted - offsetAfter, offsetBefore, timeZone),
  );
}

/** Binary search, to the second, for the moment the clocks changed between two instants. */
function firstInstantWithOffset(a: number, b: number, oldOffset: number, timeZone: string): number {
  let before = Math.min(a, b);
  let after = Math.max(a, b);
  while (after - before > MS_PER_SECOND) {
    const middle =
      before + Math.max(1, Math.floor((after - before) / 2 / MS_PER_SECOND)) * MS_PER_SECOND;
    if (middle >= after) break;
    if (offsetAt(middle, timeZone) === oldOffset) before = middle;
    else after = middle;
  }
  return after;
}
