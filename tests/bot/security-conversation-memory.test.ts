import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import {
  createConversationRecorder,
  RECENT_CONVERSATIONS_LIMIT,
} from '../../src/bot/conversation-recorder.js';
import type { ConversationRepository } from '../../src/store/conversation.repository.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { parseCommand } from '../../src/bot/message-text.js';
import { conversationOfActivity, type Turn } from '../../src/bot/turn.js';
import { fixedClock } from '../app/seed-sample.js';

function groupMessage(conversationId: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from: { id: '29:someone', name: 'Someone' },
    recipient: { id: '28:bot', name: 'Action Tracker' },
    conversation: { id: conversationId, conversationType: 'groupChat', isGroup: true, name: '' },
  };
}

describe('the memory of recently seen conversations', () => {
  it(`forgets the oldest once ${RECENT_CONVERSATIONS_LIMIT.toLocaleString('en-GB')} are remembered`, async () => {
    const store = createMemoryStore();
    let saves = 0;
    const conversations: ConversationRepository = {
      ...store.conversations,
      save: (conversation) => {
        saves += 1;
        return store.conversations.save(conversation);
      },
    };
    const recorder = createConversationRecorder({
      conversations,
      clock: fixedClock('2021-03-01T10:00:00Z'),
    });
    const adapter = new TestAdapter();
    const see = (id: string) => {
      const context = new TurnContext(adapter, groupMessage(id));
      const turn: Turn = {
        context,
        text: '',
        command: parseCommand(''),
        typedArgs: [],
        sender: { email: null, name: null, aadObjectId: null, isAdmin: false },
        conversation: conversationOfActivity(context),
        programme: () => Promise.reject(new Error('no programme is needed to record a chat')),
      };
      return recorder.record(turn);
    };

    await see('19:first@thread.v2');
    await see('19:first@thread.v2');
    expect(saves).toBe(1); // remembered: not written twice within the hour

    for (let i = 0; i < RECENT_CONVERSATIONS_LIMIT; i += 1) await see(`19:chat-${i}@thread.v2`);
    const before = saves;
    await see('19:first@thread.v2');
    // Forgotten to make room, so written again: the map did not grow past its limit.
    expect(saves).toBe(before + 1);
  });
});
