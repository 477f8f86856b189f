import { describe, expect, it } from 'vitest';
import { commandTextOf, parseCommand } from '../../src/bot/message-text.js';

const bot = { id: '28:bot-app', name: 'Action Tracker' };

describe('reading a typed command', () => {
  it('removes the bot mention named by the activity entities', () => {
    const text = commandTextOf({
      text: '<at>Action Tracker</at> /status EHC',
      recipient: bot,
      entities: [{ type: 'mention', text: '<at>Action Tracker</at>', mentioned: bot }],
    });
    expect(text).toBe('/status EHC');
  });

  it('removes an <at> mention even without an entity, and stray non-breaking spaces', () => {
    expect(commandTextOf({ text: '<at>Tracker</at>&nbsp;mine', recipient: bot })).toBe('mine');
  });

  it('reads the command word in any case, with or without the slash', () => {
    expect(parseCommand('/STATUS  c2')).toEqual({ name: 'status', args: ['c2'] });
    expect(parseCommand('Overdue')).toEqual({ name: 'overdue', args: [] });
    expect(parseCommand('   ')).toEqual({ name: '', args: [] });
  });
});

describe('reading a question as the command it means', () => {
  it.each([
    ['what is going on with A?', 'status', ['A']],
    ['What’s going on with C2', 'status', ['C2']],
    ["what's happening with workstream B?", 'status', ['B']],
    ['how is C2 doing?', 'status', ['C2']],
    ["how's action A4 getting on", 'status', ['A4']],
    ['status of A', 'status', ['A']],
    ['where are we with B?', 'status', ['B']],
    ['tell me about C2', 'status', ['C2']],
    ['what is the latest on A?', 'status', ['A']],
    ['how are we doing?', 'status', []],
    ['what is going on?', 'status', []],
    ["what's overdue?", 'overdue', []],
    ['anything late?', 'overdue', []],
    ['what do I need to do?', 'mine', []],
    ['my actions', 'mine', []],
    ['who owns A2?', 'status', ['A2']],
    ["who's responsible for C2", 'status', ['C2']],
    ['any updates on B?', 'status', ['B']],
    ['any news?', 'status', []],
    ['give me a summary', 'status', []],
    // Words that are no code are still a status question; /status says it cannot find them.
    ['what is going on with the new officers?', 'status', ['the new officers']],
  ])('"%s" is /%s %j', (typed, name, args) => {
    expect(parseCommand(typed)).toEqual({ name, args });
  });

  it('leaves commands and other words as they are', () => {
    expect(parseCommand('/status what')).toEqual({ name: 'status', args: ['what'] });
    expect(parseCommand('update A4')).toEqual({ name: 'update', args: ['A4'] });
    expect(parseCommand('what a week')).toEqual({ name: 'what', args: ['a', 'week'] });
  });
});
