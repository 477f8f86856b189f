import type { Action } from './action.js';
import { effectiveDue } from './action.js';
import {
  addWorkingDays,
  isSendingTime,
  localDateOf,
  workingDayOnOrBefore,
  zonedInstant,
} from './calendar.js';
import { addDays } from './dates.js';
import { dueDay, type IsoDate } from './local-date.js';
import type { Person, Role } from './people.js';
import type { Programme, ReportingPeriod, Workstream } from './programme.js';
import type { StatusUpdate } from './status-update.js';
import { latestUpdates, periodIndex } from './update-history.js';

export type MessageKind = 'prompt' | 'reminder' | 'escalation' | 'nudge';

/** The part of a message one role's actions make; a deputy may receive several roles' at once. */
export interface MessageSection {
  readonly role: string;
  /** Email of the away person the recipient stands in for, or null. */
  readonly onBehalfOf: string | null;
  readonly refs: readonly string[];
}

/** One message the schedule calls for. `key` is stable, so an outbox can refuse a repeat. */
export interface ScheduledMessage {
  readonly key: string;
  readonly kind: MessageKind;
  readonly programmeId: string;
  readonly periodId: string;
  /** Email of who receives it. */
  readonly recipient: string;
  /** The first section's role: the recipient's own role when they have one here. */
  readonly role: string;
  readonly onBehalfOf: string | null;
  /** Every action ref the message is about, in plan order. */
  readonly refs: readonly string[];
  readonly sections: readonly MessageSection[];
  /** The scheduled instant. */
  readonly sendAt: Date;
  /** The message is no longer worth sending from this instant (exclusive). */
  readonly until: Date;
}

/** A message that would go out but whose role has no person: someone must assign one. */
export interface UnassignedMessage {
  readonly kind: MessageKind;
  readonly programmeId: string;
  readonly periodId: string;
  readonly role: string;
  readonly refs: readonly string[];
  readonly sendAt: Date;
  readonly until: Date;
}

export interface PeriodPlan {
  readonly messages: readonly ScheduledMessage[];
  readonly unassigned: readonly UnassignedMessage[];
}

/** What the schedule reads, as one readonly object. */
export interface ScheduleInput {
  readonly programme: Programme;
  readonly workstreams: readonly Workstream[];
  readonly actions: readonly Action[];
  readonly roles: readonly Role[];
  /** For who is away until when; people missing here are taken as present. */
  readonly people: readonly Person[];
  /** Updates so far: what is answered this period, and which actions are Blue. */
  readonly updates: readonly StatusUpdate[];
}

interface Draft {
  readonly kind: MessageKind;
  readonly role: string;
  readonly refs: readonly string[];
  readonly day: IsoDate;
  readonly sendAt: Date;
  readonly until: Date;
  /** Set for nudges: one message per action. */
  readonly ref?: string;
}

function refsByRole(
  actions: readonly Action[],
  roleOf: (a: Action) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const role = roleOf(action);
    groups.set(role, [...(groups.get(role) ?? []), action.ref]);
  }
  return groups;
}

/** Blue is done: an action whose latest rating up to this period is Blue is not asked again. */
function isClosed(action: Action, latest: ReadonlyMap<string, StatusUpdate>): boolean {
  return latest.get(action.ref)?.rating === 'Blue';
}

function drafts(input: ScheduleInput, index: number): Draft[] {
  const { programme, actions } = input;
  const period = programme.periods[index];
  if (!period) return [];
  const { rules, timeZone } = programme;
  const at = (day: IsoDate): Date => zonedInstant(day, rules.sendAt, timeZone);
  const dayAfter = (day: IsoDate): Date => zonedInstant(addDays(day, 1), '00:00', timeZone);
  const latest = latestUpdates(programme, input.updates, 0, index);
  const answered = latestUpdates(programme, input.updates, index, index);
  const open = actions.filter((a) => !isClosed(a, latest));
  const waiting = open.filter((a) => !answered.has(a.ref));

  // n working days before a date, landing on a working day even when n is 0.
  const before = (day: IsoDate, n: number): IsoDate =>
    workingDayOnOrBefore(addWorkingDays(day, -n, rules), rules);
  const promptDay = before(period.closes, rules.firstPromptWorkingDays);
  const closingDay = before(period.closes, 0);
  // A reminder only after the first prompt and before the closing day, one per day.
  const reminderDays = [...new Set(rules.reminderWorkingDays.map((n) => before(period.closes, n)))]
    .filter((day) => day > promptDay && day < closingDay)
    .sort();
  const result: Draft[] = [];
  const add = (kind: MessageKind, groups: Map<string, string[]>, day: IsoDate, until: Date) => {
    for (const [role, refs] of groups)
      result.push({ kind, role, refs, day, sendAt: at(day), until });
  };
  const byOwner = (list: readonly Action[]) => refsByRole(list, (a) => a.ownerRole);

  add('prompt', byOwner(open), promptDay, dayAfter(period.closes));
  reminderDays.forEach((day, i) => {
    add('reminder', byOwner(waiting), day, at(reminderDays[i + 1] ?? closingDay));
  });
  const leadOf = new Map(input.workstreams.map((w) => [w.code, w.leadRole]));
  const led = waiting.filter((a) => leadOf.has(a.workstream));
  const byLead = refsByRole(led, (a) => leadOf.get(a.workstream) ?? '');
  add('escalation', byLead, closingDay, dayAfter(closingDay));

  const after = programme.periods[index - 1]?.closes ?? '';
  for (const action of open) {
    const due = dueDay(effectiveDue(action));
    if (due === undefined || due <= after || due > period.closes) continue;
    const day = before(due, rules.dueNudgeWorkingDays);
    const { ownerRole: role, ref } = action;
    result.push({
      kind: 'nudge',
      role,
      refs: [ref],
      ref,
      day,
      sendAt: at(day),
      until: dayAfter(day),
    });
  }
  return result;
}

function recipientOf(
  input: ScheduleInput,
  code: string,
  day: IsoDate,
): { readonly recipient: string; readonly onBehalfOf: string | null } | null {
  const role = input.roles.find((r) => r.code === code);
  if (!role?.person) return null;
  const away = input.people.find((p) => p.email === role.person)?.awayUntil ?? null;
  if (away !== null && away >= day && role.deputy) {
    return { recipient: role.deputy, onBehalfOf: role.person };
  }
  return { recipient: role.person, onBehalfOf: null };
}

/**
 * Every message of one period with its scheduled instant, from the updates as they stand:
 * one prompt per recipient listing all their open actions, reminders to those with
 * unanswered actions, an escalation to each workstream lead on the closing day, and a nudge
 * before each due date that falls in the period. An unknown period plans nothing.
 */
export function planPeriod(input: ScheduleInput & { readonly periodId: string }): PeriodPlan {
  const { programme, periodId } = input;
  const merged = new Map<string, ScheduledMessage>();
  const unassigned: UnassignedMessage[] = [];
  for (const draft of drafts(input, periodIndex(programme, periodId))) {
    const { kind, role, refs, sendAt, until } = draft;
    const to = recipientOf(input, role, draft.day);
    if (!to) {
      unassigned.push({ kind, programmeId: programme.id, periodId, role, refs, sendAt, until });
      continue;
    }
    // Two reminders a period, so the day tells them apart; a nudge is one action's.
    const suffix = kind === 'reminder' ? `|${draft.day}` : draft.ref ? `|${draft.ref}` : '';
    const key = `${programme.id}|${periodId}|${kind}|${to.recipient}${suffix}`;
    const section = { role, onBehalfOf: to.onBehalfOf, refs };
    const known = merged.get(key);
    const sections = known ? [...known.sections, section] : [section];
    const first = sections.find((s) => s.onBehalfOf === null) ?? section;
    merged.set(key, {
      key,
      kind,
      programmeId: programme.id,
      periodId,
      recipient: to.recipient,
      role: first.role,
      onBehalfOf: first.onBehalfOf,
      refs: sections.flatMap((s) => s.refs),
      sections,
      sendAt,
      until,
    });
  }
  return { messages: [...merged.values()], unassigned };
}

/**
 * The messages due at `now`: scheduled at or before it, still worth sending (a prompt until
 * the period closes, a reminder until the next reminder or the escalation, an escalation or
 * a nudge on its own day only), and only at a sending time — never on a weekend, a bank
 * holiday or in quiet hours. Messages for roles with no person come back as `unassigned`.
 */
export function messagesDue(
  input: ScheduleInput & { readonly now: Date },
  plans?: readonly PeriodPlan[],
): {
  readonly due: readonly ScheduledMessage[];
  readonly unassigned: readonly UnassignedMessage[];
} {
  const { programme, now } = input;
  if (!isSendingTime(now, programme.timeZone, programme.rules)) return { due: [], unassigned: [] };
  const within = (m: { readonly sendAt: Date; readonly until: Date }): boolean =>
    m.sendAt <= now && now < m.until;
  const due: ScheduledMessage[] = [];
  const unassigned: UnassignedMessage[] = [];
  for (const plan of plans ?? plansInReach(input, now)) {
    due.push(...plan.messages.filter(within));
    unassigned.push(...plan.unassigned.filter(within));
  }
  return { due, unassigned };
}

/**
 * The plan of each period in reach of `now`'s local day: what {@link messagesDue} and
 * `nextScheduleChange` both read, so a planning minute can work them out once for both.
 */
export function plansInReach(input: ScheduleInput, now: Date): PeriodPlan[] {
  const { programme } = input;
  return periodsInReach(programme, localDateOf(now, programme.timeZone)).map((period) =>
    planPeriod({ ...input, periodId: period.id }),
  );
}

/**
 * The periods whose messages can be due on the local day `today`. Nothing of a period is
 * sent after it closes, nor earlier than its first prompt or the nudge of a due date just
 * after the previous close; skipping the rest keeps a long calendar cheap. n working days
 * span at most 7n/5 calendar days plus a holiday run.
 */
export function periodsInReach(programme: Programme, today: IsoDate): ReportingPeriod[] {
  const { firstPromptWorkingDays, dueNudgeWorkingDays } = programme.rules;
  const reach = Math.ceil(Math.max(firstPromptWorkingDays, dueNudgeWorkingDays) * 1.4) + 10;
  return programme.periods.filter((period, i) => {
    const previous = programme.periods[i - 1]?.closes;
    if (today > addDays(period.closes, 1)) return false;
    return previous === undefined || today >= addDays(previous, -reach);
  });
}
