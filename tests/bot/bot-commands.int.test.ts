import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestScope } from '../support/test-channel/test-channel.js';
import {
  cardOf,
  people,
  replyTo,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

const SCOPES: readonly TestScope[] = ['personal', 'groupChat', 'channel'];

describe('chat commands over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function ask(text: string, scope: TestScope, from = people.chair): Promise<string> {
    const call = await replyTo(harness, harness.channel.message(text, from, scope));
    return textOf(cardOf(call));
  }

  describe.each(SCOPES)('in a %s conversation', (scope) => {
    it('lists the commands for /help', async () => {
      const text = await ask('/help', scope);
      expect(text).toContain('What I can do');
      expect(text).toContain('/status [workstream or action]');
      expect(text).toContain('/mine');
    });

    it('counts the programme by rating per workstream for status, with no slash', async () => {
      const text = await ask('status', scope);
      expect(text).toContain('Thurrock SEND Written Statement of Action: status');
      expect(text).toContain('A · Records and oversight (5 actions)');
      expect(text).toContain('Amber 5');
    });

    it('lists a workstream for /STATUS a, in any case', async () => {
      const text = await ask('/STATUS a', scope);
      expect(text).toContain('A · Records and oversight');
      expect(text).toContain('**A2** **Amber**');
    });

    it('answers "what is going on with A?" as /status A', async () => {
      const text = await ask('what is going on with A?', scope);
      expect(text).toContain('A · Records and oversight');
      expect(text).toContain('led by Assistant Director Education and Skills');
      expect(text).not.toContain('I do not know the command');
    });

    it('answers questions that name no code with what it can read, never an unknown command', async () => {
      const subject = await ask('what is going on with the new officers?', scope);
      expect(subject).toContain('I cannot find a workstream or action called "the new officers"');
      const other = await ask('why is the sky blue?', scope);
      expect(other).toContain('I could not tell what that question is about');
      expect(other).toContain('"how is A doing?"');
      for (const answer of [subject, other])
        expect(answer).not.toContain('I do not know the command');
    });

    it('shows an action for /status C2', async () => {
      const text = await ask('/status C2', scope);
      expect(text).toContain('Ratings by period');
      expect(text).toContain('Jan 2021: ');
      expect(text).toContain('Remains amber');
      // People as colleagues know them: job titles from the Roles sheet, never an email.
      expect(text).toContain('Owner: Strategic Lead School Effectiveness and SEND');
      expect(text).not.toMatch(/[a-z]+@council\.example/);
    });

    it('lists the actions of the roles the sender holds for /mine', async () => {
      const text = await ask('/mine', scope, people.owner);
      expect(text).toContain('Your actions: 1');
      expect(text).toContain('your roles: P16SM');
      // A2 has January's rating, so April's is still to come, with a button to give it.
      expect(text).toContain('To answer for Apr 2021 by Fri 23 Apr 2021: 1');
      expect(text).toContain('**A2**');
      expect(text).toContain('Update A2');
    });

    it('sends the update form for /update A2 to its owner', async () => {
      const text = await ask('/update a2', scope, people.owner);
      expect(text).toContain('Update A2 for Apr 2021');
      expect(text).toContain('Save');
    });

    it('lists what is overdue for /overdue', async () => {
      const text = await ask('/overdue', scope);
      expect(text).toMatch(/Overdue: \d+ actions/);
      expect(text).toContain('Overdue');
    });

    it('suggests the nearest command for a word it does not know', async () => {
      const text = await ask('/stauts', scope);
      expect(text).toContain('I do not know the command "stauts"');
      expect(text).toContain('Did you mean /status?');
      expect(text).toContain('Type /help');
    });

    it('suggests /status for a reference typed on its own', async () => {
      const text = await ask('c2', scope);
      expect(text).toContain('Did you mean /status C2?');
    });

    it('suggests the nearest workstream or action for an unknown reference', async () => {
      const text = await ask('/status A22', scope);
      expect(text).toContain('I cannot find a workstream or action called "A22"');
      expect(text).toContain('Did you mean /status A2?');
    });
  });

  it('reads a command whose mention is only in the text, as some clients send it', async () => {
    const activity = harness.channel.message('/status B', people.chair, 'channel');
    delete activity.entities;
    const text = textOf(cardOf(await replyTo(harness, activity)));
    expect(text).toContain('B · Quality assurance and governance');
  });

  it('answers an empty message politely', async () => {
    const text = await ask('', 'personal');
    expect(text).toContain('I did not catch a command');
  });

  it('answers a 100 KB message politely instead of reading it', async () => {
    const text = await ask(`/status ${'x'.repeat(100 * 1024)}`, 'personal');
    expect(text).toContain('That message is too long for me');
    expect(text).toContain('Type /help');
  });
});
