import { normaliseEmail, type Role } from '../domain/people.js';
import { codeKey, compareRefs } from './keys.js';
import type { MemoryState } from './memory-state.js';
import type { RoleAssignment, RoleRepository } from './role.repository.js';

export function createMemoryRoleRepository(state: MemoryState): RoleRepository {
  const rolesOfProgramme = (programmeId: string): Map<string, Role> => {
    const key = codeKey(programmeId);
    const found = state.roles.get(key) ?? new Map<string, Role>();
    state.roles.set(key, found);
    return found;
  };
  return {
    list(programmeId) {
      const sorted = [...rolesOfProgramme(programmeId).values()].sort((a, b) =>
        compareRefs(a.code, b.code),
      );
      return Promise.resolve(structuredClone(sorted));
    },
    get(programmeId, code) {
      const found = rolesOfProgramme(programmeId).get(codeKey(code));
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    save(role) {
      rolesOfProgramme(role.programmeId).set(codeKey(role.code), structuredClone(role));
      return Promise.resolve();
    },
    rolesOf(email) {
      const wanted = normaliseEmail(email);
      const found: RoleAssignment[] = [];
      for (const roles of state.roles.values()) {
        for (const role of roles.values()) {
          const assignment = { programmeId: role.programmeId, role: role.code };
          if (role.person !== null && normaliseEmail(role.person) === wanted) {
            found.push({ ...assignment, as: 'person' });
          }
          if (role.deputy !== null && normaliseEmail(role.deputy) === wanted) {
            found.push({ ...assignment, as: 'deputy' });
          }
        }
      }
      return Promise.resolve(found.sort(byProgrammeThenRole));
    },
  };
}

export function byProgrammeThenRole(a: RoleAssignment, b: RoleAssignment): number {
  return (
    compareRefs(a.programmeId, b.programmeId) ||
    compareRefs(a.role, b.role) ||
    compareRefs(a.as, b.as)
  );
}
