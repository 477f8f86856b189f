import { normaliseEmail } from '../domain/people.js';
import type { ConversationRepository, StoredConversation } from './conversation.repository.js';
import { emailKey, encodeKeyPart } from './keys.js';
import type { TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  getJson,
  putJson,
  readRow,
  unexpected,
  type Row,
} from './tables-support.js';

const BY_KEY = 'conversation';
/** A copy of each person's latest personal chat, by email, so proactive sends are one read. */
const PERSONAL_BY_EMAIL = 'personal';

export function createTablesConversationRepository(tables: TablesContext): ConversationRepository {
  const read = async (partitionKey: string, rowKey: string) => {
    const row = await readRow(tables.conversations, partitionKey, rowKey);
    return row ? getJson<StoredConversation>(row, 'json') : null;
  };
  return {
    async save(conversation) {
      const row: Row = { partitionKey: BY_KEY, rowKey: encodeKeyPart(conversation.key) };
      putJson(row, 'json', conversation);
      assertRowFits(row, `conversation ${conversation.key}`);
      try {
        const copy =
          conversation.kind === 'personal' && conversation.email !== null
            ? { ...row, partitionKey: PERSONAL_BY_EMAIL, rowKey: emailKey(conversation.email) }
            : null;
        // Two partitions, so two requests; neither needs the other first.
        await Promise.all([
          tables.conversations.upsertEntity(row, 'Replace'),
          copy && tables.conversations.upsertEntity(copy, 'Replace'),
        ]);
      } catch (error) {
        throw unexpected(`saving conversation ${conversation.key}`, error);
      }
    },
    get: (key) => read(BY_KEY, encodeKeyPart(key)),
    getPersonalByEmail: (email) => read(PERSONAL_BY_EMAIL, emailKey(normaliseEmail(email))),
  };
}
