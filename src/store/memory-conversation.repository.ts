import { normaliseEmail } from '../domain/people.js';
import type { ConversationRepository } from './conversation.repository.js';
import type { MemoryState } from './memory-state.js';

export function createMemoryConversationRepository(state: MemoryState): ConversationRepository {
  return {
    save(conversation) {
      const copy = structuredClone(conversation);
      if (conversation.kind === 'personal' && conversation.email !== null) {
        state.personalChats.set(normaliseEmail(conversation.email), copy);
      } else {
        state.conversations.set(conversation.key, copy);
      }
      return Promise.resolve();
    },
    get(key) {
      const found = state.conversations.get(key);
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    getPersonalByEmail(email) {
      const found = state.personalChats.get(normaliseEmail(email));
      return Promise.resolve(found ? structuredClone(found) : null);
    },
  };
}
