import { normaliseEmail } from '../domain/people.js';
import type { ConversationRepository } from './conversation.repository.js';
import type { MemoryState } from './memory-state.js';

export function createMemoryConversationRepository(state: MemoryState): ConversationRepository {
  return {
    save(conversation) {
      state.conversations.set(conversation.key, structuredClone(conversation));
      return Promise.resolve();
    },
    get(key) {
      const found = state.conversations.get(key);
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    getPersonalByEmail(email) {
      const wanted = normaliseEmail(email);
      const found = [...state.conversations.values()]
        .filter((c) => c.kind === 'personal' && c.email !== null)
        .filter((c) => normaliseEmail(c.email ?? '') === wanted)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0];
      return Promise.resolve(found ? structuredClone(found) : null);
    },
  };
}
