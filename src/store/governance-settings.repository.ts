import type { ProgrammeGovernance } from '../domain/deciders.js';

/** Who decides revised dates, and whether leads sign off, per programme. */
export interface GovernanceSettingsRepository {
  /** Null when the programme has never had its governance set: the default then applies. */
  get(programmeId: string): Promise<ProgrammeGovernance | null>;
  /** Insert or replace. */
  save(governance: ProgrammeGovernance): Promise<void>;
}
