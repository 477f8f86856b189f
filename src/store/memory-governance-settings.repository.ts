import type { ProgrammeGovernance } from '../domain/deciders.js';
import type { GovernanceSettingsRepository } from './governance-settings.repository.js';

/** The in-memory fake of {@link GovernanceSettingsRepository}. */
export function createMemoryGovernanceSettingsRepository(): GovernanceSettingsRepository {
  const settings = new Map<string, ProgrammeGovernance>();
  return {
    get(programmeId) {
      const found = settings.get(programmeId.toUpperCase());
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    save(governance) {
      settings.set(governance.programmeId.toUpperCase(), structuredClone(governance));
      return Promise.resolve();
    },
  };
}
