import { describe, expect, it } from 'vitest';
import type { Person, Role } from '../../src/domain/people.js';
import {
  messagesDue,
  planPeriod,
  type MessageKind,
  type ScheduleInput,
} from '../../src/domain/prompt-schedule.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const plan = loadSamplePlan();
const JAN_2021 = 'Jan 2021';

/** The sample as it stood before anyone answered for January 2021. */
const beforeJanuary: ScheduleInput = {
  ...plan,
  updates: plan.updates.filter((u) => u.periodId !== JAN_2021),
};

function answer(ref: string, periodId = JAN_2021): StatusUpdate {
  return {
    id: `card|${ref}|${periodId}`,
    programmeId: plan.programme.id,
    ref,
    periodId,
    rating: 'Amber',
    note: 'Delayed by the move to the new system; recovery plan agreed.',
    evidence: null,
    proposedDue: null,
    rolledOver: false,
    by: 'owner@council.example',
    at: '2021-01-05T10:42:00.000Z',
    source: 'card',
  };
}

function awayUntil(email: string, date: string): Person[] {
  return plan.people.map((p) => (p.email === email ? { ...p, awayUntil: date } : p));
}

/** "kind on YYYY-MM-DD at HH:MM" in London, one line per distinct send. */
function sendDays(input: ScheduleInput, periodId: string): string[] {
  const london = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const lines = planPeriod({ ...input, periodId }).messages.map(
    (m) => `${m.kind} on ${london.format(m.sendAt).replace(' ', ' at ')}`,
  );
  return [...new Set(lines)];
}

function messagesOf(kind: MessageKind, input = beforeJanuary, periodId = JAN_2021) {
  return planPeriod({ ...input, periodId }).messages.filter((m) => m.kind === kind);
}

describe('prompt schedule for the sample plan', () => {
  it('sends the January 2021 prompts on 31 December 2020, as 1 January is a bank holiday, then reminds on 8 and 13 January and escalates on the closing day', () => {
    expect(sendDays(beforeJanuary, JAN_2021)).toEqual([
      'prompt on 2020-12-31 at 09:00',
      'reminder on 2021-01-08 at 09:00',
      'reminder on 2021-01-13 at 09:00',
      'escalation on 2021-01-15 at 09:00',
      'nudge on 2020-10-26 at 09:00',
    ]);
  });

  it('keeps to British summer time: April 2021 prompts go at 09:00 in London, 08:00 UTC', () => {
    const [prompt] = messagesOf('prompt', plan, 'Apr 2021');
    expect(prompt?.sendAt.toISOString()).toBe('2021-04-09T08:00:00.000Z');
  });

  it('sends each owner one prompt listing all their open actions', () => {
    const prompts = messagesOf('prompt');
    const recipients = prompts.map((m) => m.recipient);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(prompts.find((m) => m.role === 'SLSPPEP')?.refs).toEqual(['B2', 'B4', 'B5']);
    expect(prompts.flatMap((m) => m.refs).sort()).toEqual(plan.actions.map((a) => a.ref).sort());
  });

  it('reminds only owners with unanswered actions, listing only those', () => {
    const input = {
      ...beforeJanuary,
      updates: [...beforeJanuary.updates, ...['A1', 'A3', 'B2'].map((r) => answer(r))],
    };
    const reminders = messagesOf('reminder', input);
    expect(reminders.some((m) => m.role === 'ADES')).toBe(false);
    expect(reminders.filter((m) => m.role === 'SLSPPEP').map((m) => m.refs)).toEqual([
      ['B4', 'B5'],
      ['B4', 'B5'],
    ]);
  });

  it('never prompts a Blue action again', () => {
    // A3 and A4 were rated Blue in January 2021.
    for (const kind of ['prompt', 'reminder', 'escalation', 'nudge'] as const) {
      const refs = messagesOf(kind, plan, 'Apr 2021').flatMap((m) => m.refs);
      expect(refs).not.toContain('A3');
      expect(refs).not.toContain('A4');
    }
  });

  it("escalates to each workstream lead on the closing day the lead's actions nobody has rated", () => {
    const input = {
      ...beforeJanuary,
      updates: [...beforeJanuary.updates, answer('A2'), answer('C1')],
    };
    const escalations = messagesOf('escalation', input).map((m) => [m.role, m.refs]);
    expect(escalations).toEqual([
      ['ADES', ['A1', 'A3', 'A4', 'A5']],
      ['SLSPPEP', ['B1', 'B2', 'B3', 'B4', 'B5']],
      ['SLSESEND', ['C2']],
    ]);
  });

  it('sends no escalation when every action of a workstream is rated', () => {
    const escalations = messagesOf('escalation', plan);
    expect(escalations).toEqual([]);
  });

  it('nudges an owner five working days before a due date that falls in the period', () => {
    // B2 and B5 are due 31 Oct 2020, after October 2020 closed (23 Oct), so January's.
    const nudges = messagesOf('nudge').map((m) => [m.recipient, m.refs, m.key]);
    expect(nudges).toEqual([
      ['slsppep@council.example', ['B2'], 'wsoa|Jan 2021|nudge|slsppep@council.example|B2'],
      ['slsppep@council.example', ['B5'], 'wsoa|Jan 2021|nudge|slsppep@council.example|B5'],
    ]);
  });

  it('sends the prompt to the deputy while the person is away, in one message with their own actions', () => {
    const input = { ...beforeJanuary, people: awayUntil('ades@council.example', '2021-01-04') };
    const prompts = messagesOf('prompt', input);
    expect(prompts.some((m) => m.recipient === 'ades@council.example')).toBe(false);
    const deputy = prompts.find((m) => m.recipient === 'slsesend@council.example');
    expect(deputy?.refs).toEqual(['A1', 'A3', 'A4', 'C1', 'C2']);
    expect(deputy?.sections).toEqual([
      { role: 'ADES', onBehalfOf: 'ades@council.example', refs: ['A1', 'A3'] },
      { role: 'SLSESEND', onBehalfOf: null, refs: ['A4', 'C1', 'C2'] },
    ]);
    // Back by 8 January, so the reminders go to ADES again.
    const reminder = messagesOf('reminder', input).find((m) => m.role === 'ADES');
    expect(reminder?.recipient).toBe('ades@council.example');
  });

  it('still prompts a person who is away when their role has no deputy', () => {
    const input = { ...beforeJanuary, people: awayUntil('slbi@council.example', '2021-02-01') };
    const prompt = messagesOf('prompt', input).find((m) => m.role === 'SLBI');
    expect(prompt).toMatchObject({ recipient: 'slbi@council.example', onBehalfOf: null });
  });

  it('lists a role with no person as unassigned instead of messaging anyone', () => {
    const roles: Role[] = plan.roles.map((r) => (r.code === 'SLBI' ? { ...r, person: null } : r));
    const result = planPeriod({ ...beforeJanuary, roles, periodId: JAN_2021 });
    const toOwners = result.messages.filter((m) => m.kind !== 'escalation');
    expect(toOwners.flatMap((m) => m.refs)).not.toContain('A5');
    expect(result.unassigned.map((u) => [u.kind, u.role, u.refs])).toEqual([
      ['prompt', 'SLBI', ['A5']],
      ['reminder', 'SLBI', ['A5']],
      ['reminder', 'SLBI', ['A5']],
    ]);
  });
});

describe('messages due at an instant', () => {
  const dueAt = (iso: string, input = beforeJanuary) =>
    messagesDue({ ...input, now: new Date(iso) }).due.map((m) => `${m.kind} ${m.role}`);

  it('keeps a prompt due from its send time until the period closes', () => {
    expect(dueAt('2020-12-31T08:59:00Z')).toEqual([]);
    expect(dueAt('2020-12-31T09:00:00Z')).toContain('prompt ADES');
    expect(dueAt('2021-01-06T15:00:00Z')).toContain('prompt ADES');
    expect(dueAt('2021-01-15T17:59:00Z')).toContain('prompt ADES');
    expect(dueAt('2021-01-18T09:00:00Z')).toEqual([]);
  });

  it('sends nothing on a weekend, a bank holiday or outside 08:00 to 18:00', () => {
    expect(dueAt('2021-01-01T10:00:00Z')).toEqual([]);
    expect(dueAt('2021-01-02T10:00:00Z')).toEqual([]);
    expect(dueAt('2021-01-04T07:59:00Z')).toEqual([]);
    expect(dueAt('2021-01-04T18:00:00Z')).toEqual([]);
    expect(dueAt('2021-01-04T08:00:00Z')).toContain('prompt ADES');
  });

  it('keeps a reminder due until the next one, and an escalation on its own day only', () => {
    const reminders = (iso: string) =>
      messagesDue({ ...beforeJanuary, now: new Date(iso) })
        .due.filter((m) => m.kind === 'reminder' && m.role === 'ADES')
        .map((m) => m.key.split('|').at(-1));
    expect(reminders('2021-01-07T16:00:00Z')).toEqual([]);
    expect(reminders('2021-01-12T16:00:00Z')).toEqual(['2021-01-08']);
    expect(reminders('2021-01-13T08:30:00Z')).toEqual(['2021-01-08']);
    expect(reminders('2021-01-13T09:30:00Z')).toEqual(['2021-01-13']);
    expect(reminders('2021-01-15T09:30:00Z')).toEqual([]);
    expect(dueAt('2021-01-15T08:30:00Z')).not.toContain('escalation ADES');
    expect(dueAt('2021-01-15T09:30:00Z')).toEqual(
      expect.arrayContaining(['prompt ADES', 'escalation ADES']),
    );
    expect(dueAt('2021-01-18T09:30:00Z')).toEqual([]);
  });

  it('sends a due-date nudge on its own day only', () => {
    expect(dueAt('2020-10-26T10:00:00Z')).toEqual(['nudge SLSPPEP', 'nudge SLSPPEP']);
    expect(dueAt('2020-10-27T10:00:00Z')).toEqual([]);
  });

  it('gives a message the same key at every instant it is due, so the outbox sends it once', () => {
    const keys = (iso: string) =>
      messagesDue({ ...beforeJanuary, now: new Date(iso) }).due.map((m) => m.key);
    expect(keys('2021-01-04T09:00:00Z')).toEqual(keys('2021-01-07T16:00:00Z'));
    expect(keys('2021-01-04T09:00:00Z')).toContain('wsoa|Jan 2021|prompt|ades@council.example');
  });

  it('reports due messages for a role with no person as unassigned', () => {
    const roles = plan.roles.map((r) => (r.code === 'PFH' ? { ...r, person: null } : r));
    const result = messagesDue({ ...beforeJanuary, roles, now: new Date('2021-01-04T09:00:00Z') });
    expect(result.due.some((m) => m.role === 'PFH')).toBe(false);
    expect(result.unassigned.map((u) => [u.kind, u.role, u.refs])).toEqual([
      ['prompt', 'PFH', ['B3']],
    ]);
  });
});
