import type { IsoDate } from './local-date.js';

/**
 * One reporting period: owners rate every open action once per period. `id` is the label
 * the calendar sheet uses ("Jan 2021"), unique within a programme.
 */
export interface ReportingPeriod {
  readonly id: string;
  readonly closes: IsoDate;
  readonly boardMeeting: IsoDate | null;
}

/** When prompts, reminders and digests go out. Defaults come from DESIGN.md. */
export interface ReportingRules {
  /** Working days before a period closes that the first prompt goes out. */
  readonly firstPromptWorkingDays: number;
  /** Working days before closing that reminders go to those who have not answered. */
  readonly reminderWorkingDays: readonly number[];
  /** Working days before an action's due date that its owner is nudged. */
  readonly dueNudgeWorkingDays: number;
  /** Local time (HH:MM) scheduled messages are sent on their day. */
  readonly sendAt: string;
  /** Nothing is sent outside these local times (HH:MM, start inclusive, end exclusive). */
  readonly quietHours: { readonly start: string; readonly end: string };
  /** Working days before a board meeting that the digest is posted, at `digestAt`. */
  readonly digestWorkingDaysBefore: number;
  readonly digestAt: string;
  /** Which public holidays are not working days. */
  readonly bankHolidays: 'england-and-wales' | 'none';
  /** Further non-working days of this programme (an office closure, say). */
  readonly extraNonWorkingDays: readonly IsoDate[];
}

export const DEFAULT_RULES: ReportingRules = {
  firstPromptWorkingDays: 10,
  reminderWorkingDays: [5, 2],
  dueNudgeWorkingDays: 5,
  sendAt: '09:00',
  quietHours: { start: '08:00', end: '18:00' },
  digestWorkingDaysBefore: 2,
  digestAt: '09:00',
  bankHolidays: 'england-and-wales',
  extraNonWorkingDays: [],
};

export interface Programme {
  /** Short, stable, URL-safe id ("wsoa"). */
  readonly id: string;
  readonly name: string;
  /** IANA time zone used for schedules and display. */
  readonly timeZone: string;
  /** Reporting periods in closing order. */
  readonly periods: readonly ReportingPeriod[];
  readonly rules: ReportingRules;
}

export const DEFAULT_TIME_ZONE = 'Europe/London';

/** An area of concern with a short code (A, EHC), led by a role. */
export interface Workstream {
  readonly programmeId: string;
  readonly code: string;
  readonly name: string;
  readonly leadRole: string;
  readonly aim: string;
}
