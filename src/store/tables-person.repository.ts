import { normaliseEmail, type Person } from '../domain/people.js';
import type { StoredConversation } from './conversation.repository.js';
import { emailKey } from './keys.js';
import type { PersonRepository } from './role.repository.js';
import { inPartition, peopleKeys, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  createRow,
  getJson,
  putJson,
  queryRows,
  readRow,
  transact,
  unexpected,
  upsertRow,
  writeInBatches,
  type Row,
} from './tables-support.js';

/**
 * The column of a person's row that holds their latest personal chat with the bot
 * (tables-conversation.repository.ts), so someone writing for the first time is stored, chat
 * and all, in one transaction. Rows are merged, never replaced, so saving the person keeps it.
 */
export const PERSONAL_CHAT_COLUMN = 'chat';

function personRow(
  person: Person,
  personalChat?: StoredConversation,
): { readonly email: string; readonly row: Row } {
  const email = normaliseEmail(person.email);
  const row: Row = {
    partitionKey: peopleKeys.person,
    rowKey: emailKey(email),
    unreachable: person.unreachable !== null,
  };
  putJson(row, 'json', { ...person, email });
  if (personalChat) putJson(row, PERSONAL_CHAT_COLUMN, personalChat);
  assertRowFits(row, `person ${email}`);
  return { email, row };
}

/** The row pointing an Entra object id at its person's email, beside the person's row. */
const indexRow = (aadObjectId: string, email: string): Row => ({
  partitionKey: peopleKeys.person,
  rowKey: peopleKeys.aad(aadObjectId),
  email,
});

/** People by email and an index by Entra object id, both in partition `person`. */
export function createTablesPersonRepository(tables: TablesContext): PersonRepository {
  const get = async (email: string) => {
    const row = await readRow(tables.people, peopleKeys.person, emailKey(email));
    return row ? getJson<Person>(row, 'json') : null;
  };
  return {
    get,
    async getByAadObjectId(aadObjectId) {
      const entry = await readRow(tables.people, peopleKeys.person, peopleKeys.aad(aadObjectId));
      if (!entry) return null;
      const person = await get(String(entry.email));
      // The index may point at someone whose object id has since changed.
      return person?.aadObjectId === aadObjectId ? person : null;
    },
    async save(person) {
      const { email, row } = personRow(person);
      try {
        // Merged: the row's personal chat, written by another path, stays.
        if (person.aadObjectId === null) await upsertRow(tables.people, row, 'Merge');
        else {
          await transact(tables.people, [
            ['upsert', row, 'Merge'],
            ['upsert', indexRow(person.aadObjectId, email), 'Replace'],
          ]);
        }
      } catch (error) {
        throw unexpected(`saving person ${email}`, error);
      }
    },
    async add(person, personalChat) {
      const { email, row } = personRow(person, personalChat);
      try {
        // One transaction: the person, their chat and their index, stored together or not at all.
        if (person.aadObjectId === null) await createRow(tables.people, row);
        else {
          await transact(tables.people, [
            ['create', row],
            ['upsert', indexRow(person.aadObjectId, email), 'Replace'],
          ]);
        }
      } catch (error) {
        if (azureStatus(error) !== 409) throw unexpected(`adding person ${email}`, error);
        const stored = await get(email);
        // People are never deleted, so a row that refused the insert is there to read.
        if (stored === null) throw unexpected(`adding person ${email}`, error);
        return stored;
      }
      return null;
    },
    async listUnreachable() {
      const rows = await queryRows(
        tables.people,
        `${inPartition(peopleKeys.person)} and unreachable eq true`,
      );
      return rows.map((row) => getJson<Person>(row, 'json'));
    },
  };
}

/**
 * Moves index rows that versions before this one kept in partition `aad` beside the people
 * they point at, at start. A row an older instance writes there meanwhile is moved at the next
 * start; until then its person is looked up in Teams and bound again, as if new.
 */
export async function moveAadIndex(tables: TablesContext): Promise<void> {
  const old = await queryRows(tables.people, inPartition(peopleKeys.oldAadPartition));
  if (old.length === 0) return;
  await writeInBatches(
    tables.people,
    old.map((row) => [
      'upsert',
      {
        partitionKey: peopleKeys.person,
        rowKey: peopleKeys.aadOfOldKey(row.rowKey ?? ''),
        email: String(row.email),
      },
      'Replace',
    ]),
  );
  await writeInBatches(
    tables.people,
    old.map((row) => [
      'delete',
      { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' },
    ]),
  );
}
