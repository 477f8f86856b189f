import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSendingTime } from '../../src/domain/calendar.js';
import { addDays } from '../../src/domain/dates.js';
import { digestsDue } from '../../src/domain/digest-schedule.js';
import type { Programme } from '../../src/domain/programme.js';
import { messagesDue, type ScheduleInput } from '../../src/domain/prompt-schedule.js';
import { nextScheduleChange } from '../../src/domain/schedule-boundary.js';
import { signOffsDue } from '../../src/domain/sign-off-schedule.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const sample = loadSamplePlan();
const MS_PER_MINUTE = 60_000;

/** Monthly periods across 2024–2026 closing on `closeDay`, a board meeting a week later. */
function monthlyProgramme(closeDay: number, sendAt: string): Programme {
  const periods = Array.from({ length: 36 }, (_, i) => {
    const year = 2024 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String(closeDay).padStart(2, '0');
    const closes = `${year}-${month}-${day}`;
    return {
      id: `${year}-${month}`,
      closes,
      boardMeeting: i % 3 === 0 ? addDays(closes, 7) : null,
    };
  });
  // Digests at 10:30, not at the start of sending hours, so their own minute matters.
  const rules = { ...sample.programme.rules, sendAt, digestAt: '10:30' };
  return { ...sample.programme, periods, rules };
}

/** Everything a planning run at `now` would write, by key. */
function dueKeys(input: ScheduleInput, now: Date): Set<string> {
  const { programme } = input;
  const { due, unassigned } = messagesDue({ ...input, now });
  return new Set([
    ...due.map((m) => m.key),
    ...unassigned.map((m) => `unassigned|${m.periodId}|${m.kind}|${m.role}|${m.refs.join()}`),
    ...digestsDue(programme, now).map((d) => `digest|${d.periodId}`),
    ...(isSendingTime(now, programme.timeZone, programme.rules)
      ? signOffsDue(programme, now).map((s) => `sign-off|${s.period.id}`)
      : []),
  ]);
}

const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2026, 11, 1);

describe('when the schedule can next gain a message', () => {
  it('plans nothing new before the boundary it gives, and something new at many of them', () => {
    const programmes = new Map<string, Programme>();
    let gained = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('07:00', '08:00', '09:00', '13:37', '17:59'),
        fc.integer({ min: 0, max: (END - START) / MS_PER_MINUTE }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.boolean(),
        (closeDay, sendAt, minute, fraction, answered) => {
          const key = `${closeDay}|${sendAt}`;
          const programme = programmes.get(key) ?? monthlyProgramme(closeDay, sendAt);
          programmes.set(key, programme);
          const planned = new Date(START + minute * MS_PER_MINUTE);
          const { rules, timeZone } = programme;
          // The leader plans only at sending times, so that is where a boundary starts.
          if (!isSendingTime(planned, timeZone, rules)) return;
          const input = { ...sample, programme, updates: answered ? sample.updates : [] };
          const next = nextScheduleChange(input, planned);
          expect(next > planned).toBe(true);
          const before = dueKeys(input, planned);
          const span = next.getTime() - planned.getTime();
          const later = new Date(planned.getTime() + Math.floor(fraction * span));
          for (const k of dueKeys(input, later)) {
            expect(before.has(k), `${k} at ${later.toISOString()}`).toBe(true);
          }
          const at = dueKeys(input, next);
          if ([...at].some((k) => !before.has(k))) gained += 1;
        },
      ),
      { numRuns: 600 },
    );
    // Not vacuous: some boundaries do bring new messages.
    expect(gained).toBeGreaterThan(0);
  });

  it('is the minute a prompt is scheduled for, on the morning of the first prompt', () => {
    const programme = monthlyProgramme(28, '09:00');
    const input = { ...sample, programme, updates: [] };
    // 10 working days before Friday 28 March 2025: Friday 14 March, 09:00 GMT.
    const early = new Date('2025-03-14T08:30:00Z');
    expect(nextScheduleChange(input, early).toISOString()).toBe('2025-03-14T09:00:00.000Z');
    const after = new Date('2025-03-14T09:00:00Z');
    expect(nextScheduleChange(input, after) > after).toBe(true);
  });
});
