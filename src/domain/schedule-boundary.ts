import { localDateOf, zonedInstant } from './calendar.js';
import { addDays } from './dates.js';
import { digestSchedule } from './digest-schedule.js';
import { plansInReach, type PeriodPlan, type ScheduleInput } from './prompt-schedule.js';
import { signOffSchedule } from './sign-off-schedule.js';

/**
 * The first instant after `now` from which what is due (`messagesDue`, `digestsDue`,
 * `signOffsDue`) can include something it did not include at `now`, while the inputs stay as
 * they are. Each of them is due from its `sendAt` until its `until`, at sending times only,
 * for the periods in reach of the local day; so what planning at a sending time `now` would
 * add later is either scheduled after `now` or of a period that comes into reach on a later
 * day. The answer is therefore the earliest `sendAt` after `now` of a message (assigned or
 * not) of the periods in reach today, a digest or a sign-off, and at the latest the next
 * local midnight. A message that stops being due adds nothing, so its `until` is no boundary;
 * nor is the start of sending hours, as whatever falls due in quiet hours has a `sendAt` in
 * them, which is after `now` when `now` was a sending time. `plans` are `plansInReach` of
 * `now`, when the caller has them already.
 */
export function nextScheduleChange(
  input: ScheduleInput,
  now: Date,
  plans: readonly PeriodPlan[] = plansInReach(input, now),
): Date {
  const { programme } = input;
  const today = localDateOf(now, programme.timeZone);
  let next = zonedInstant(addDays(today, 1), '00:00', programme.timeZone);
  const consider = (at: Date): void => {
    if (at > now && at < next) next = at;
  };
  for (const plan of plans) {
    for (const message of [...plan.messages, ...plan.unassigned]) consider(message.sendAt);
  }
  for (const digest of digestSchedule(programme)) consider(digest.sendAt);
  for (const signOff of signOffSchedule(programme)) consider(signOff.sendAt);
  return next;
}
