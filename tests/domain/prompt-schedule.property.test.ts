import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { ONGOING } from '../../src/domain/local-date.js';
import type { Programme, ReportingRules } from '../../src/domain/programme.js';
import { messagesDue, planPeriod } from '../../src/domain/prompt-schedule.js';
import { loadSamplePlan } from '../support/sample-plan.js';

/**
 * England and Wales bank holidays 2019–2030 as GOV.UK lists them (2027 onwards by the usual
 * rules), written out here so the properties do not trust the calendar they are checking.
 */
const BANK_HOLIDAYS = new Set(
  [
    '2019: 01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26',
    '2020: 01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28',
    '2021: 01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28',
    '2022: 01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27',
    '2023: 01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26',
    '2024: 01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26',
    '2025: 01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26',
    '2026: 01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28',
    '2027: 01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28',
    '2028: 01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26',
    '2029: 01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26',
    '2030: 01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26',
  ].flatMap((line) => {
    const [year, days = ''] = line.split(': ');
    return days.split(' ').map((day) => `${year}-${day}`);
  }),
);

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London wall clock at an instant, read straight from Intl. */
function inLondon(instant: Date): { date: string; weekday: string; minutes: number } {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: parts.weekday ?? '',
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** A working day in England and Wales, between 08:00 and 18:00 in London. */
function mayBeSent(instant: Date): boolean {
  const { date, weekday, minutes } = inLondon(instant);
  const workingDay = weekday !== 'Sat' && weekday !== 'Sun' && !BANK_HOLIDAYS.has(date);
  return workingDay && minutes >= 8 * 60 && minutes < 18 * 60;
}

const sample = loadSamplePlan();
const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAYS = 12 * 365 + 3;
const MS_PER_DAY = 86_400_000;

/** A monthly reporting calendar across 2019–2030, closing on the same day of each month. */
function monthlyProgramme(closeDay: number): Programme {
  const periods = Array.from({ length: 12 * 12 }, (_, i) => {
    const year = 2019 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String(closeDay).padStart(2, '0');
    return { id: `${year}-${month}`, closes: `${year}-${month}-${day}`, boardMeeting: null };
  });
  return { ...sample.programme, periods };
}

/** Any instant in 2019–2030, often a minute either side of 08:00 or 18:00 (GMT or BST). */
const instants = fc.oneof(
  fc.date({
    min: new Date(FIRST_DAY),
    max: new Date(Date.UTC(2030, 11, 31, 23, 59)),
    noInvalidDate: true,
  }),
  fc
    .record({
      day: fc.integer({ min: 0, max: DAYS - 1 }),
      minute: fc.constantFrom(479, 480, 540, 1079, 1080),
      utcOffset: fc.constantFrom(0, 60),
    })
    .map(
      ({ day, minute, utcOffset }) =>
        new Date(FIRST_DAY + day * MS_PER_DAY + (minute - utcOffset) * 60_000),
    ),
);

describe('prompt schedule properties, 2019 to 2030', () => {
  it('never has anything due on a weekend, a bank holiday or outside 08:00 to 18:00 in London', () => {
    const programmes = new Map<number, Programme>();
    let instantsWithMessages = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), instants, (closeDay, now) => {
        const programme = programmes.get(closeDay) ?? monthlyProgramme(closeDay);
        programmes.set(closeDay, programme);
        const result = messagesDue({ ...sample, programme, updates: [], now });
        if (result.due.length === 0 && result.unassigned.length === 0) return;
        instantsWithMessages += 1;
        expect(mayBeSent(now), now.toISOString()).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // Guards against a vacuous pass: a monthly calendar has something due much of the time.
    expect(instantsWithMessages).toBeGreaterThan(50);
  });

  const schedules = fc.record({
    closes: fc.integer({ min: 0, max: DAYS - 1 }),
    firstPromptWorkingDays: fc.integer({ min: 0, max: 20 }),
    reminderWorkingDays: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
    dueNudgeWorkingDays: fc.integer({ min: 0, max: 10 }),
    sendAtMinute: fc.integer({ min: 8 * 60, max: 18 * 60 - 1 }),
    dueOffsets: fc.array(fc.option(fc.integer({ min: -10, max: 100 })), {
      minLength: sample.actions.length,
      maxLength: sample.actions.length,
    }),
  });

  it('plans every message of a period at a sending time on or before its closing day, reminders between the prompt and the escalation', () => {
    fc.assert(
      fc.property(schedules, (s) => {
        const closes = addDays('2019-01-01', s.closes);
        const hh = String(Math.floor(s.sendAtMinute / 60)).padStart(2, '0');
        const mm = String(s.sendAtMinute % 60).padStart(2, '0');
        const rules: ReportingRules = {
          ...sample.programme.rules,
          firstPromptWorkingDays: s.firstPromptWorkingDays,
          reminderWorkingDays: s.reminderWorkingDays,
          dueNudgeWorkingDays: s.dueNudgeWorkingDays,
          sendAt: `${hh}:${mm}`,
        };
        const programme: Programme = {
          ...sample.programme,
          rules,
          periods: [
            { id: 'previous', closes: addDays(closes, -91), boardMeeting: null },
            { id: 'this', closes, boardMeeting: null },
          ],
        };
        const actions = sample.actions.map((action, i) => {
          const offset = s.dueOffsets[i] ?? null;
          return {
            ...action,
            revisedDue: null,
            due: offset === null ? ONGOING : addDays(closes, -offset),
          };
        });
        const input = { ...sample, programme, actions, updates: [], periodId: 'this' };
        const { messages } = planPeriod(input);
        expect(messages.length).toBeGreaterThan(0);
        const daysOf = (kind: string) =>
          new Set(messages.filter((m) => m.kind === kind).map((m) => inLondon(m.sendAt).date));
        const [promptDay = '', ...otherPromptDays] = daysOf('prompt');
        const [escalationDay = '', ...otherEscalationDays] = daysOf('escalation');
        expect([otherPromptDays, otherEscalationDays]).toEqual([[], []]);
        if (mayBeSent(new Date(`${closes}T12:00:00Z`))) expect(escalationDay).toBe(closes);
        for (const day of daysOf('reminder')) {
          expect(day > promptDay && day < escalationDay, `reminder on ${day}`).toBe(true);
        }
        for (const message of messages) {
          expect(
            mayBeSent(message.sendAt),
            `${message.key} at ${message.sendAt.toISOString()}`,
          ).toBe(true);
          expect(inLondon(message.sendAt).date <= closes).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
