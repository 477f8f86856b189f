import { normaliseEmail } from '../domain/people.js';
import type { ConversationRepository, StoredConversation } from './conversation.repository.js';
import { emailKey, encodeKeyPart } from './keys.js';
import { peopleKeys, type TablesContext } from './tables-layout.js';
import { PERSONAL_CHAT_COLUMN } from './tables-person.repository.js';
import {
  assertRowFits,
  azureStatus,
  getJson,
  hasText,
  putJson,
  readRow,
  unexpected,
  updateRow,
  upsertRow,
  type Row,
} from './tables-support.js';

/** Group chats and channels, and personal chats with someone whose email is not known. */
const BY_KEY = 'conversation';
/**
 * Personal chats by email, as versions before this one kept them all: now only for someone
 * with no row in the people table, and read when a person's row holds no chat.
 */
const PERSONAL_BY_EMAIL = 'personal';

/**
 * A personal chat with someone known by email is kept on their row in the people table
 * (column {@link PERSONAL_CHAT_COLUMN}), where their first message stores it with them in one
 * transaction; it is read only by who it is with (their prompts), since personal chats cannot
 * be linked to a programme.
 */
export function createTablesConversationRepository(tables: TablesContext): ConversationRepository {
  const read = async (partitionKey: string, rowKey: string) => {
    const row = await readRow(tables.conversations, partitionKey, rowKey);
    return row ? getJson<StoredConversation>(row, 'json') : null;
  };

  const saveRow = async (row: Row, conversation: StoredConversation): Promise<void> => {
    putJson(row, 'json', conversation);
    assertRowFits(row, `conversation ${conversation.key}`);
    await upsertRow(tables.conversations, row, 'Replace');
  };

  /**
   * Merged onto the person's row (at `etag`, when given); false when there is no such row, or
   * it has changed since `etag`.
   */
  const saveOnPerson = async (
    email: string,
    conversation: StoredConversation,
    etag?: string,
  ): Promise<boolean> => {
    const row: Row = { partitionKey: peopleKeys.person, rowKey: emailKey(email) };
    putJson(row, PERSONAL_CHAT_COLUMN, conversation);
    assertRowFits(row, `the personal chat of ${email}`);
    try {
      await updateRow(tables.people, row, 'Merge', etag === undefined ? {} : { etag });
      return true;
    } catch (error) {
      const status = azureStatus(error);
      if (status === 404 || status === 412) return false;
      throw error;
    }
  };

  return {
    async save(conversation) {
      try {
        const email = conversation.kind === 'personal' ? conversation.email : null;
        if (email !== null && (await saveOnPerson(normaliseEmail(email), conversation))) return;
        const row: Row =
          email !== null
            ? { partitionKey: PERSONAL_BY_EMAIL, rowKey: emailKey(email) }
            : { partitionKey: BY_KEY, rowKey: encodeKeyPart(conversation.key) };
        await saveRow(row, conversation);
      } catch (error) {
        throw unexpected(`saving conversation ${conversation.key}`, error);
      }
    },
    get: (key) => read(BY_KEY, encodeKeyPart(key)),
    async getPersonalByEmail(email) {
      const normal = normaliseEmail(email);
      const key = emailKey(normal);
      const person = await readRow(tables.people, peopleKeys.person, key);
      if (person && hasText(person, PERSONAL_CHAT_COLUMN)) {
        return getJson<StoredConversation>(person, PERSONAL_CHAT_COLUMN);
      }
      const older = await read(PERSONAL_BY_EMAIL, key);
      // Kept by a version before this one: copied onto the person's row, so the next read is
      // one request, unless the row has changed since it was read (a newer chat may be there).
      // A copy that fails does not fail the read; the next read tries again.
      if (older && person?.etag) {
        await saveOnPerson(normal, older, person.etag).catch(() => false);
      }
      return older;
    },
  };
}
