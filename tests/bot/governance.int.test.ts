import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { testUser, type TestUser } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  NOW,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
  type InvokeAnswer,
} from './bot-harness.js';
import { harnessScheduler } from './prompt-tick.js';

const chair = testUser('Cara Director', 'cd@council.example');
const ades = testUser('Ade Sanders', 'ades@council.example');
const lead = testUser('Pat Psych', 'slsppep@council.example');
const b1Owner = testUser('Sian Provision', 'slsp@council.example');

describe('board governance over HTTP', () => {
  let harness: BotHarness;
  let scheduler: Scheduler;

  beforeAll(async () => {
    harness = await startBotHarness();
    await harness.store.governance.save({
      programmeId: 'wsoa',
      deciders: [
        { role: 'CD', workstreams: 'all' },
        { role: 'ADES', workstreams: ['A'] },
        { role: 'SLSPPEP', workstreams: ['B'] },
        { role: 'SLSESEND', workstreams: ['C'] },
      ],
      chairRole: null,
      signOff: true,
    });
    // Everyone opens their chat below, so nobody needs the app installed for them.
    scheduler = harnessScheduler(harness, new Date(NOW), 'governance-test');
    // Everyone says hello in their own chat first, so the bot can write to them there.
    for (const person of [
      people.owner,
      people.deputy,
      people.stranger,
      chair,
      ades,
      lead,
      b1Owner,
    ]) {
      await replyTo(harness, harness.channel.message('/help', person, 'personal'));
    }
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function press(
    verb: string,
    data: Record<string, unknown>,
    from: TestUser,
  ): Promise<InvokeAnswer> {
    const activity = harness.channel.cardAction(verb, data, from);
    return (await harness.channel.send(harness.bot.url, activity)) as InvokeAnswer;
  }

  /** Sends what is queued in the outbox, as the scheduler's next tick would. */
  async function deliver(): Promise<void> {
    await scheduler.tick();
  }

  /** The cards posted proactively into someone's own chat whose text contains `words`. */
  function postsTo(person: TestUser, words: string): string[] {
    return harness.channel.sent
      .filter(
        (call) =>
          call.kind === 'post' && call.conversationId === `a:personal-${person.aadObjectId}`,
      )
      .map((call) => textOf(cardOf(call)))
      .filter((text) => text.includes(words));
  }

  async function formData(ref: string, from: TestUser): Promise<Record<string, unknown>> {
    const call = await replyTo(
      harness,
      harness.channel.message(`/update ${ref}`, from, 'personal'),
    );
    const actions = cardOf(call)['actions'] as { data: Record<string, unknown> }[];
    const data = actions[0]?.data;
    if (!data) throw new Error('The update form has no Save button');
    return data;
  }

  async function ask(ref: string, from: TestUser, toDue: string, reason: string): Promise<string> {
    const form = await formData(ref, from);
    const answer = await press(
      'update',
      { ...form, rating: 'Amber', note: 'Delayed.', proposedDue: toDue, revisionReason: reason },
      from,
    );
    expect(answer.status).toBe(200);
    const waiting = (await harness.store.revisions.listForAction('wsoa', ref)).find(
      (r) => r.decision === null,
    );
    if (!waiting) throw new Error(`No request waiting for ${ref}`);
    return waiting.id;
  }

  it('shows in /status A2 the steps the Improvement Board revised in July 2020, originals kept', async () => {
    // The sample's A2: "c) to f) delayed by COVID restrictions, revised timescales approved by
    // the Improvement Board in July 2020": the workbook carries each step's revised date.
    const status = await replyTo(
      harness,
      harness.channel.message('/status A2', people.chair, 'channel'),
    );
    expect(textOf(cardOf(status))).toContain(
      '3 steps revised by the board: c) 31 Jan 2020 → 31 Jan 2021; e) 31 Aug 2020 → 31 Aug 2021; f) 29 Feb 2020 → 31 Jan 2021',
    );
  });

  it('asks, approves, tells the owner and moves the due date with the original kept', async () => {
    const id = await ask(
      'A2',
      people.owner,
      '2021-09-30',
      'Colleges closed by COVID restrictions.',
    );
    await deliver();
    const cards = postsTo(ades, 'Later due date asked for: A2');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Colleges closed by COVID restrictions.');
    expect(cards[0]).toContain('Times revised');
    expect(postsTo(chair, 'Later due date asked for: A2')).toHaveLength(1);
    expect(postsTo(people.owner, 'Later due date asked for: A2')).toHaveLength(0);

    const pending = await replyTo(harness, harness.channel.message('/pending', ades, 'personal'));
    expect(textOf(cardOf(pending))).toContain('A2:');

    const approved = await press(
      'decideRevision',
      { programmeId: 'wsoa', requestId: id, outcome: 'approved' },
      ades,
    );
    expect(textOf(approved.body.value)).toContain(
      'Approved by Ade Sanders on 1 Mar 2021. A2 is now due 30 Sept 2021.',
    );
    const later = await press(
      'decideRevision',
      { programmeId: 'wsoa', requestId: id, outcome: 'declined', reason: 'Too late' },
      chair,
    );
    expect(textOf(later.body.value)).toContain('Approved by Ade Sanders');

    await deliver();
    expect(postsTo(people.owner, 'Your request for a later date for A2: approved')).toHaveLength(1);
    const status = await replyTo(
      harness,
      harness.channel.message('/status A2', people.chair, 'channel'),
    );
    const text = textOf(cardOf(status));
    expect(text).toContain('30 Sept 2021');
    expect(text).toContain('revised 1 time');
  });

  it('counts an approved date in /status: the action leaves the overdue counts and lines', async () => {
    const said = async (text: string) =>
      textOf(
        cardOf(await replyTo(harness, harness.channel.message(text, people.chair, 'channel'))),
      );
    const c2Line = (card: string) => /\*\*C2\*\*[^\n]*\n[^\n]*/.exec(card)?.[0] ?? '';
    // C2, due 31 Jul 2020 and rated Amber, is overdue on 1 Mar 2021, as is C1.
    expect(await said('/status')).toMatch(/7 overdue[\s\S]*C · [^\n]*\n[^\n]*\n2 overdue/);
    expect(c2Line(await said('/status C'))).toMatch(/\*\*Overdue\*\*[\s\S]*Due 31 Jul 2020/);
    const id = await ask('C2', people.deputy, '2021-09-30', 'Annual reviews paused in lockdown.');
    // Asking changes nothing until a decider agrees.
    expect(await said('/status')).toContain('7 overdue');
    const approved = await press(
      'decideRevision',
      { programmeId: 'wsoa', requestId: id, outcome: 'approved' },
      chair,
    );
    expect(textOf(approved.body.value)).toContain('C2 is now due 30 Sept 2021');
    expect(await said('/status')).toMatch(/6 overdue[\s\S]*C · [^\n]*\n[^\n]*\n1 overdue/);
    const line = c2Line(await said('/status C'));
    expect(line).toContain('Due 30 Sept 2021');
    expect(line).not.toContain('Overdue');
    const detail = await said('/status C2');
    expect(detail).toContain('30 Sept 2021');
    expect(detail).not.toMatch(/overdue/i);
  });

  it('declines with a reason, and asks for one when there is none', async () => {
    const id = await ask('B2', lead, '2021-12-31', 'Parent carer forum closed in summer 2020.');
    const blank = await press(
      'decideRevision',
      { programmeId: 'wsoa', requestId: id, outcome: 'declined', reason: '' },
      chair,
    );
    expect(textOf(blank.body.value)).toContain('Say why you decline');
    const declined = await press(
      'decideRevision',
      {
        programmeId: 'wsoa',
        requestId: id,
        outcome: 'declined',
        reason: 'Finish it by March as agreed.',
      },
      chair,
    );
    expect(textOf(declined.body.value)).toContain(
      'Declined by Cara Director on 1 Mar 2021: Finish it by March as agreed.',
    );
    await deliver();
    expect(postsTo(lead, 'Your request for a later date for B2: declined')).toHaveLength(1);
  });

  it('lets exactly one of two deciders pressing at once decide', async () => {
    const id = await ask('A2', people.owner, '2021-12-31', 'A second college closure.');
    const [first, second] = await Promise.all([
      press('decideRevision', { programmeId: 'wsoa', requestId: id, outcome: 'approved' }, ades),
      press(
        'decideRevision',
        { programmeId: 'wsoa', requestId: id, outcome: 'declined', reason: 'No' },
        chair,
      ),
    ]);
    const stored = await harness.store.revisions.get('wsoa', id);
    const winner =
      stored?.decision?.outcome === 'approved'
        ? 'Approved by Ade Sanders'
        : 'Declined by Cara Director';
    expect(textOf(first?.body.value)).toContain(winner);
    expect(textOf(second?.body.value)).toContain(winner);
  });

  it('refuses someone who does not decide for the workstream, in a channel too', async () => {
    const id = await ask('A1', ades, '2022-03-31', 'Realignment continues.');
    const refused = await press(
      'decideRevision',
      { programmeId: 'wsoa', requestId: id, outcome: 'approved' },
      people.stranger,
    );
    expect(textOf(refused.body.value)).toContain('You do not decide revised dates for A1');
    const inChannel = harness.channel.cardAction(
      'decideRevision',
      { programmeId: 'wsoa', requestId: id, outcome: 'approved' },
      lead,
      'channel',
    );
    const answer = (await harness.channel.send(harness.bot.url, inChannel)) as InvokeAnswer;
    expect(textOf(answer.body.value)).toContain('You do not decide revised dates for A1');
    expect((await harness.store.revisions.get('wsoa', id))?.decision).toBeNull();
  });

  it('ticks and unticks steps, with the count shown', async () => {
    const ticked = await replyTo(
      harness,
      harness.channel.message('/tick A2 a b', people.owner, 'personal'),
    );
    expect(textOf(cardOf(ticked))).toContain('A2: 2 of 9 steps done');
    const unticked = await replyTo(
      harness,
      harness.channel.message('/untick A2 b', people.owner, 'groupChat'),
    );
    expect(textOf(cardOf(unticked))).toContain('A2: 1 of 9 steps done');
    const refused = await replyTo(
      harness,
      harness.channel.message('/tick A2 c', people.stranger, 'personal'),
    );
    expect(textOf(cardOf(refused))).toContain('You cannot tick step c of A2');
  });

  it('shows in /status A2 the steps ticked and unticked since', async () => {
    const doneIn = async (): Promise<number> => {
      const status = await replyTo(
        harness,
        harness.channel.message('/status A2', people.chair, 'personal'),
      );
      const shown = /(\d+) of 9 steps done/.exec(textOf(cardOf(status)));
      expect(shown).not.toBeNull();
      return Number(shown?.[1]);
    };
    await replyTo(harness, harness.channel.message('/untick A2 d', people.owner, 'personal'));
    const before = await doneIn();
    await replyTo(harness, harness.channel.message('/tick A2 d', people.owner, 'personal'));
    expect(await doneIn()).toBe(before + 1);
    await replyTo(harness, harness.channel.message('/untick A2 d', people.owner, 'personal'));
    expect(await doneIn()).toBe(before);
  });

  it('signs off a workstream with a query the owner answers', async () => {
    const opened = await replyTo(
      harness,
      harness.channel.message('/signoff B Jan 2021', lead, 'personal'),
    );
    expect(textOf(cardOf(opened))).toContain('Sign off B');
    const data: Record<string, unknown> = {
      programmeId: 'wsoa',
      workstream: 'B',
      periodId: 'Jan 2021',
    };
    for (const ref of ['B1', 'B2', 'B3', 'B4', 'B5']) data[`verdict_${ref}`] = 'agree';
    data['verdict_B1'] = 'query';
    data['note_B1'] = 'Is b) really delayed by COVID?';
    const signed = await press('signOff', data, lead);
    expect(textOf(signed.body.value)).toContain('Signed off by Pat Psych on 1 Mar 2021.');
    await deliver();
    expect(postsTo(b1Owner, 'Is b) really delayed by COVID?')).toHaveLength(1);
    const [query] = await harness.store.signOffs.listQueries('wsoa');
    if (!query) throw new Error('The query should be stored');
    const answered = await press(
      'answerQuery',
      { programmeId: 'wsoa', queryId: query.id, answer: 'Yes: the consultation moved to March.' },
      b1Owner,
    );
    expect(textOf(answered.body.value)).toContain('Answered by Sian Provision');
    await deliver();
    expect(postsTo(lead, 'answered your query on B1')).toHaveLength(1);
  });

  it('flags a rating that fell since the last period on the lead’s card', async () => {
    const form = await formData('C1', people.deputy);
    await press(
      'update',
      { ...form, rating: 'Amber', note: 'Training still unavailable.' },
      people.deputy,
    );
    const card = await replyTo(
      harness,
      harness.channel.message('/signoff C Apr 2021', people.deputy, 'personal'),
    );
    expect(textOf(cardOf(card))).toContain('Fell from Green');
  });
});
