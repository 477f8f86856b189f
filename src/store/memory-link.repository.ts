import { codeKey } from './keys.js';
import type { ConversationLink, LinkRepository } from './link.repository.js';

/** The in-memory fake of {@link LinkRepository}. */
export function createMemoryLinkRepository(): LinkRepository {
  const links = new Map<string, ConversationLink>();
  return {
    get: (key) => {
      const link = links.get(key);
      return Promise.resolve(link ? { ...link } : null);
    },
    save: (link) => {
      links.set(link.conversationKey, { ...link });
      return Promise.resolve();
    },
    remove: (key) => Promise.resolve(links.delete(key)),
    listBoard: (programmeId) =>
      Promise.resolve(
        [...links.values()]
          .filter((link) => link.board && codeKey(link.programmeId) === codeKey(programmeId))
          .sort((a, b) =>
            a.conversationKey < b.conversationKey
              ? -1
              : a.conversationKey > b.conversationKey
                ? 1
                : 0,
          )
          .map((link) => ({ ...link })),
      ),
  };
}
