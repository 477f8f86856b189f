import { normaliseEmail } from '../domain/people.js';
import type { MemoryState } from './memory-state.js';
import type { PersonRepository } from './role.repository.js';

export function createMemoryPersonRepository(state: MemoryState): PersonRepository {
  return {
    get(email) {
      const found = state.people.get(normaliseEmail(email));
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    getByAadObjectId(aadObjectId) {
      const found = [...state.people.values()].find((person) => person.aadObjectId === aadObjectId);
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    save(person) {
      const email = normaliseEmail(person.email);
      state.people.set(email, structuredClone({ ...person, email }));
      return Promise.resolve();
    },
    add(person, personalChat) {
      const email = normaliseEmail(person.email);
      const found = state.people.get(email);
      if (found) return Promise.resolve(structuredClone(found));
      state.people.set(email, structuredClone({ ...person, email }));
      if (personalChat) state.personalChats.set(email, structuredClone(personalChat));
      return Promise.resolve(null);
    },
    listUnreachable() {
      const found = [...state.people.values()].filter((person) => person.unreachable !== null);
      return Promise.resolve(structuredClone(found.sort((a, b) => compareText(a.email, b.email))));
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
