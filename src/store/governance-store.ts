import type { TableClient } from '@azure/data-tables';
import { actionGovernanceOf, type ActionGovernanceReader } from './action-governance.repository.js';
import {
  createTablesActionGovernanceReader,
  moveOldStepTicks,
} from './tables-action-governance.js';
import type { GovernanceSettingsRepository } from './governance-settings.repository.js';
import { createMemoryGovernanceSettingsRepository } from './memory-governance-settings.repository.js';
import { createMemoryRevisionRepository } from './memory-revision.repository.js';
import { createMemorySignOffRepository } from './memory-sign-off.repository.js';
import { createMemoryStepTickRepository } from './memory-step-tick.repository.js';
import type { RevisionRepository } from './revision.repository.js';
import type { SignOffRepository } from './sign-off.repository.js';
import type { StepTickRepository } from './step-tick.repository.js';
import { createTablesGovernanceSettingsRepository } from './tables-governance-settings.repository.js';
import { createTablesRevisionRepository } from './tables-revision.repository.js';
import { createTablesSignOffRepository } from './tables-sign-off.repository.js';
import { createTablesStepTickRepository } from './tables-step-tick.repository.js';
import { unexpected } from './tables-support.js';

/** The ports of board governance: revised dates, step ticks, sign-offs and who decides. */
export interface GovernanceStore {
  /** One action's requests and ticks together, for its card. */
  readonly actionGovernance: ActionGovernanceReader;
  readonly revisions: RevisionRepository;
  readonly stepTicks: StepTickRepository;
  readonly signOffs: SignOffRepository;
  readonly governance: GovernanceSettingsRepository;
}

/**
 * The tables governance keeps, each named after `tablePrefix` like the store's own. Ticks
 * are kept in `revisions` beside the requests; `stepTicks` is where they were kept before,
 * read at start only to move what is left there.
 */
export const GOVERNANCE_TABLES = ['revisions', 'stepTicks', 'signOffs', 'governance'] as const;
export type GovernanceTableName = (typeof GOVERNANCE_TABLES)[number];

export function createMemoryGovernanceStore(): GovernanceStore {
  const revisions = createMemoryRevisionRepository();
  const stepTicks = createMemoryStepTickRepository();
  return {
    actionGovernance: actionGovernanceOf(revisions, stepTicks),
    revisions,
    stepTicks,
    signOffs: createMemorySignOffRepository(),
    governance: createMemoryGovernanceSettingsRepository(),
  };
}

/** Governance on Azure Tables; creates its tables when missing. */
export async function createTablesGovernanceStore(
  client: (name: GovernanceTableName) => TableClient,
): Promise<GovernanceStore> {
  const tables = Object.fromEntries(
    GOVERNANCE_TABLES.map((name) => [name, client(name)]),
  ) as Record<GovernanceTableName, TableClient>;
  await Promise.all(
    Object.values(tables).map(async (table) => {
      try {
        await table.createTable();
      } catch (error) {
        throw unexpected(`creating table ${table.tableName}`, error);
      }
    }),
  );
  await moveOldStepTicks(tables.stepTicks, tables.revisions);
  return {
    actionGovernance: createTablesActionGovernanceReader(tables.revisions),
    revisions: createTablesRevisionRepository(tables.revisions),
    stepTicks: createTablesStepTickRepository(tables.revisions),
    signOffs: createTablesSignOffRepository(tables.signOffs),
    governance: createTablesGovernanceSettingsRepository(tables.governance),
  };
}
