import { normaliseEmail, type Person } from '../domain/people.js';
import { emailKey } from './keys.js';
import type { PersonRepository } from './role.repository.js';
import { inPartition, peopleKeys, type TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  getJson,
  putJson,
  queryRows,
  readRow,
  unexpected,
  type Row,
} from './tables-support.js';

/** People by email (PK `person`) and an index by Entra object id (PK `aad`). */
export function createTablesPersonRepository(tables: TablesContext): PersonRepository {
  const get = async (email: string) => {
    const row = await readRow(tables.people, peopleKeys.person, emailKey(email));
    return row ? getJson<Person>(row, 'json') : null;
  };
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
      const email = normaliseEmail(person.email);
      const row: Row = {
        partitionKey: peopleKeys.person,
        rowKey: emailKey(email),
        unreachable: person.unreachable !== null,
      };
      putJson(row, 'json', { ...person, email });
      assertRowFits(row, `person ${email}`);
      try {
        // Both at once: a reader by object id checks the person row it is led to, so an index
        // entry written before its person row (or without it) leads nowhere wrong.
        await Promise.all([
          tables.people.upsertEntity(row, 'Replace'),
          person.aadObjectId === null
            ? null
            : tables.people.upsertEntity(
                {
                  partitionKey: peopleKeys.byAadObjectId,
                  rowKey: peopleKeys.aad(person.aadObjectId),
                  email,
                },
                'Replace',
              ),
        ]);
      } catch (error) {
        throw unexpected(`saving person ${email}`, error);
      }
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
