import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageBudget, teamsMessageBytes } from '../../src/cards/message-budget.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';
import { loadSamplePlan } from '../support/sample-plan.js';
import { cardsOf } from '../support/test-channel/card-buttons.js';
import { testUser, type RecordedCall } from '../support/test-channel/test-channel.js';
import { people, replyTo, startBotHarness, textOf, type BotHarness } from './bot-harness.js';
import { harnessScheduler } from './prompt-tick.js';

/** The leads of workstreams A (ADES) and B (SLSPPEP); C's lead is the harness's deputy. */
const leadA = testUser('Ann Ades', 'ades@council.example');
const leadB = testUser('Pip Pep', 'slsppep@council.example');
const BUDGET = createMessageBudget();

/** Jan 2021 closed on Friday 15 January; Monday the 18th at 10:00 the leads are asked. */
const AFTER_CLOSE = new Date('2021-01-18T10:00:00Z');
/** Before it closed, nobody is asked to sign off. */
const BEFORE_CLOSE = new Date('2021-01-15T10:00:00Z');

/**
 * Sign-off when a period closes: with sign-off on, each workstream lead gets one card for
 * their workstream through the outbox, however often the schedule runs and on however many
 * instances; a rating that fell since the period before is flagged on it.
 */
describe('sign-off cards when a period closes', () => {
  let harness: BotHarness;

  const scheduler = (at: Date, instanceId: string) => harnessScheduler(harness, at, instanceId);

  const signOffPosts = (): RecordedCall[] =>
    harness.channel.sent.filter(
      (call) => call.kind === 'post' && textOf(cardsOf(call.body)[0]).startsWith('Sign off '),
    );

  beforeAll(async () => {
    harness = await startBotHarness();
    const plan = loadSamplePlan();
    // A2 was Green in Oct 2020 and is Amber in Jan 2021: a fall for its lead to see.
    const a2 = plan.updates.find((u) => u.ref === 'A2' && u.periodId === 'Jan 2021');
    if (!a2) throw new Error('The sample has no Jan 2021 rating for A2.');
    const october: StatusUpdate = {
      ...a2,
      id: `${a2.id}-oct`,
      periodId: 'Oct 2020',
      rating: 'Green',
      note: 'On track.',
      at: '2020-10-20T10:00:00.000Z',
    };
    await harness.store.plans.replace({
      programme: plan.programme,
      workstreams: plan.workstreams,
      actions: plan.actions,
      roles: plan.roles,
      ratings: [october, ...plan.updates],
      measures: plan.measures,
      measureValues: plan.measureValues,
    });
    await harness.store.governance.save({
      programmeId: 'wsoa',
      deciders: null,
      chairRole: null,
      signOff: true,
    });
    for (const lead of [leadA, leadB, people.deputy]) {
      await replyTo(harness, harness.channel.message('/help', lead, 'personal'));
    }
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('asks nobody before the period has closed', async () => {
    await scheduler(BEFORE_CLOSE, 'before').tick();
    expect(signOffPosts()).toEqual([]);
  });

  it('sends each lead one card for their own workstream, within the budget', async () => {
    await scheduler(AFTER_CLOSE, 'first').tick();
    const posts = signOffPosts();
    const byLead = (user: typeof leadA) =>
      posts.filter((p) => p.conversationId === `a:personal-${user.aadObjectId}`);
    expect(byLead(leadA).map((p) => textOf(cardsOf(p.body)[0]).split('\n')[0])).toEqual([
      'Sign off A · Records and oversight for Jan 2021',
    ]);
    expect(byLead(leadB)).toHaveLength(1);
    expect(byLead(people.deputy)).toHaveLength(1);
    for (const post of posts) {
      expect(post.status).toBe(201);
      expect(teamsMessageBytes(post.body)).toBeLessThanOrEqual(BUDGET.bytes);
    }
  });

  it('offers Agree and Query for every action and flags the rating that fell', () => {
    const card = cardsOf(
      signOffPosts().find((p) => p.conversationId === `a:personal-${leadA.aadObjectId}`)?.body,
    )[0];
    const text = textOf(card);
    expect(text).toContain('Fell from Green');
    const json = JSON.stringify(card);
    for (const ref of ['A1', 'A2', 'A3', 'A4', 'A5']) {
      expect(json).toContain(`"id":"verdict_${ref}"`);
    }
    expect(json).toContain('"title":"Agree"');
    expect(json).toContain('"title":"Query"');
  });

  it('sends nothing again when the schedule runs later, or on another instance after a restart', async () => {
    const before = signOffPosts().length;
    await scheduler(new Date(AFTER_CLOSE.getTime() + 60_000), 'first').tick();
    await scheduler(new Date('2021-01-19T11:00:00Z'), 'restarted').tick();
    expect(signOffPosts()).toHaveLength(before);
  });
});
