import { addWorkingDays, isSendingTime, workingDayOnOrBefore, zonedInstant } from './calendar.js';
import type { IsoDate } from './local-date.js';
import type { Programme, ReportingPeriod, ReportingRules } from './programme.js';

/** One board digest the calendar calls for: a period's, before its board meeting. */
export interface ScheduledDigest {
  readonly programmeId: string;
  readonly periodId: string;
  readonly boardMeeting: IsoDate;
  /** The local day it goes out: `digestWorkingDaysBefore` working days before the meeting. */
  readonly day: IsoDate;
  /** `digestAt` on that day, moved into the sending window when set outside it. */
  readonly sendAt: Date;
  /** After the board's meeting day there is no point: not sent from this instant. */
  readonly until: Date;
}

/**
 * The outbox key of a digest post: one per programme, period and board channel, so
 * planning it twice (or on two instances) adds nothing and it goes out exactly once.
 */
export function digestMessageKey(programmeId: string, periodId: string, channel: string): string {
  return `${programmeId}|${periodId}|digest|${channel}`;
}

/** `time` when it is inside the sending window, else the window's opening time. */
function withinSendingHours(time: string, rules: Pick<ReportingRules, 'quietHours'>): string {
  const { start, end } = rules.quietHours;
  return minutes(time) >= minutes(start) && minutes(time) < minutes(end) ? time : start;
}

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
}

function scheduleOf(programme: Programme, period: ReportingPeriod): ScheduledDigest | null {
  const { rules, timeZone } = programme;
  if (period.boardMeeting === null) return null;
  // With zero days before, a meeting on a closed day is served the working day before it.
  const day = workingDayOnOrBefore(
    addWorkingDays(period.boardMeeting, -rules.digestWorkingDaysBefore, rules),
    rules,
  );
  return {
    programmeId: programme.id,
    periodId: period.id,
    boardMeeting: period.boardMeeting,
    day,
    sendAt: zonedInstant(day, withinSendingHours(rules.digestAt, rules), timeZone),
    until: zonedInstant(period.boardMeeting, rules.quietHours.end, timeZone),
  };
}

/** Every digest of the calendar, one per period that has a board meeting, in period order. */
export function digestSchedule(programme: Programme): ScheduledDigest[] {
  return programme.periods.flatMap((period) => scheduleOf(programme, period) ?? []);
}

/**
 * The digests due at `now`: scheduled at or before it and still worth sending, and only
 * at a sending time (a working day, inside the sending window).
 */
export function digestsDue(programme: Programme, now: Date): ScheduledDigest[] {
  if (!isSendingTime(now, programme.timeZone, programme.rules)) return [];
  return digestSchedule(programme).filter((digest) => digest.sendAt <= now && now < digest.until);
}

/**
 * The period a digest asked for on `today` is about: the latest one that has closed, as a
 * board reads the period just reported; before the first closes, the first (in progress).
 */
export function digestPeriodOn(
  programme: Pick<Programme, 'periods'>,
  today: IsoDate,
): ReportingPeriod | null {
  const closed = programme.periods.filter((period) => period.closes <= today);
  return closed.at(-1) ?? programme.periods[0] ?? null;
}
