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
  upsertRow,
  type Row,
} from './tables-support.js';

/** Group chats and channels, and personal chats with someone whose email is not known. */
const BY_KEY = 'conversation';
/** Each known person's latest personal chat, by email, so proactive sends are one read. */
const PERSONAL_BY_EMAIL = 'personal';

export function createTablesConversationRepository(tables: TablesContext): ConversationRepository {
  const read = async (partitionKey: string, rowKey: string) => {
    const row = await readRow(tables.conversations, partitionKey, rowKey);
    return row ? getJson<StoredConversation>(row, 'json') : null;
  };
  return {
    async save(conversation) {
      // A personal chat with someone known is read only by who it is with (their prompts):
      // personal chats cannot be linked to a programme, so nothing asks for one by its key.
      const row: Row =
        conversation.kind === 'personal' && conversation.email !== null
          ? { partitionKey: PERSONAL_BY_EMAIL, rowKey: emailKey(conversation.email) }
          : { partitionKey: BY_KEY, rowKey: encodeKeyPart(conversation.key) };
      putJson(row, 'json', conversation);
      assertRowFits(row, `conversation ${conversation.key}`);
      try {
        await upsertRow(tables.conversations, row, 'Replace');
      } catch (error) {
        throw unexpected(`saving conversation ${conversation.key}`, error);
      }
    },
    get: (key) => read(BY_KEY, encodeKeyPart(key)),
    getPersonalByEmail: (email) => read(PERSONAL_BY_EMAIL, emailKey(normaliseEmail(email))),
  };
}
