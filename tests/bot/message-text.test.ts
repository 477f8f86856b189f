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
