import { addWorkingDays, zonedInstant } from './calendar.js';
import type { IsoDate } from './local-date.js';
import type { Programme, ReportingPeriod } from './programme.js';

/** Without a board meeting to read it, a sign-off card is worth sending for this long. */
const WORKING_DAYS_WITHOUT_BOARD = 10;

/** A period whose ratings the workstream leads are asked to sign off, and until when. */
export interface ScheduledSignOff {
  readonly period: ReportingPeriod;
  /** The first working day after the period closes, when the window opens. */
  readonly sendAt: Date;
  /** The end of the board's meeting day; after it the board has read the ratings. */
  readonly until: Date;
}

/**
 * The periods due for sign-off at `now`: closed (the closing day over) and not yet read by
 * the board. Programmes that do not sign off never call this; sending hours are checked by
 * the caller, as for every scheduled message.
 */
export function signOffsDue(programme: Programme, now: Date): ScheduledSignOff[] {
  return signOffSchedule(programme).filter(({ sendAt, until }) => sendAt <= now && now < until);
}

/** Every period's sign-off window, in period order. */
export function signOffSchedule(programme: Programme): ScheduledSignOff[] {
  const { rules, timeZone } = programme;
  return programme.periods.map((period) => {
    const day: IsoDate = addWorkingDays(period.closes, 1, rules);
    const lastDay = period.boardMeeting ?? addWorkingDays(day, WORKING_DAYS_WITHOUT_BOARD, rules);
    const sendAt = zonedInstant(day, rules.quietHours.start, timeZone);
    const until = zonedInstant(lastDay, rules.quietHours.end, timeZone);
    return { period, sendAt, until };
  });
}
