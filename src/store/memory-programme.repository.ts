import { codeKey, compareRefs } from './keys.js';
import type { MemoryState } from './memory-state.js';
import type { ProgrammeRepository, WorkstreamRepository } from './programme.repository.js';

export function createMemoryProgrammeRepository(state: MemoryState): ProgrammeRepository {
  return {
    get(programmeId) {
      const found = state.programmes.get(codeKey(programmeId));
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    list() {
      const all = [...state.programmes.values()].sort((a, b) => compareRefs(a.id, b.id));
      return Promise.resolve(structuredClone(all));
    },
    save(programme) {
      state.programmes.set(codeKey(programme.id), structuredClone(programme));
      return Promise.resolve();
    },
  };
}

export function createMemoryWorkstreamRepository(state: MemoryState): WorkstreamRepository {
  const all = (programmeId: string) => state.plans.get(codeKey(programmeId))?.workstreams ?? [];
  return {
    list(programmeId) {
      // Kept in the plan's order, as the plan lists them.
      return Promise.resolve(structuredClone([...all(programmeId)]));
    },
    get(programmeId, code) {
      const found = all(programmeId).find(
        (workstream) => codeKey(workstream.code) === codeKey(code),
      );
      return Promise.resolve(found ? structuredClone(found) : null);
    },
  };
}
