import { normaliseEmail, type Person } from '../domain/people.js';
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
  unexpected,
  upsertRow,
  type Row,
} from './tables-support.js';

function personRow(person: Person): { readonly email: string; readonly row: Row } {
  const email = normaliseEmail(person.email);
  const row: Row = {
    partitionKey: peopleKeys.person,
    rowKey: emailKey(email),
    unreachable: person.unreachable !== null,
  };
  putJson(row, 'json', { ...person, email });
  assertRowFits(row, `person ${email}`);
  return { email, row };
}

/** People by email (PK `person`) and an index by Entra object id (PK `aad`). */
export function createTablesPersonRepository(tables: TablesContext): PersonRepository {
  const get = async (email: string) => {
    const row = await readRow(tables.people, peopleKeys.person, emailKey(email));
    return row ? getJson<Person>(row, 'json') : null;
  };
  const index = (aadObjectId: string, email: string) =>
    upsertRow(
      tables.people,
      { partitionKey: peopleKeys.byAadObjectId, rowKey: peopleKeys.aad(aadObjectId), email },
      'Replace',
    );
  return {
    get,
    async getByAadObjectId(aadObjectId) {
      const entry = await readRow(
        tables.people,
        peopleKeys.byAadObjectId,
        peopleKeys.aad(aadObjectId),
      );
      if (!entry) return null;
      const person = await get(String(entry.email));
      // The index may point at someone whose object id has since changed.
      return person?.aadObjectId === aadObjectId ? person : null;
    },
    async save(person) {
      const { email, row } = personRow(person);
      try {
        // Both at once: a reader by object id checks the person row it is led to, so an index
        // entry written before its person row (or without it) leads nowhere wrong.
        await Promise.all([
          upsertRow(tables.people, row, 'Replace'),
          person.aadObjectId === null ? null : index(person.aadObjectId, email),
        ]);
      } catch (error) {
        throw unexpected(`saving person ${email}`, error);
      }
    },
    async add(person) {
      const { email, row } = personRow(person);
      try {
        await createRow(tables.people, row);
      } catch (error) {
        if (azureStatus(error) !== 409) throw unexpected(`adding person ${email}`, error);
        const stored = await get(email);
        // People are never deleted, so a row that refused the insert is there to read.
        if (stored === null) throw unexpected(`adding person ${email}`, error);
        return stored;
      }
      // After the person row, so the index never leads to someone else's row.
      if (person.aadObjectId !== null) {
        try {
          await index(person.aadObjectId, email);
        } catch (error) {
          throw unexpected(`indexing person ${email}`, error);
        }
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
