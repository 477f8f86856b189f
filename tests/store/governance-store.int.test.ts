import { TableClient } from '@azure/data-tables';
import { describe, inject } from 'vitest';
import { createTablesGovernanceStore } from '../../src/store/governance-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { governanceContract } from './contract/governance.contract.js';

describe('the Azure Tables governance store, on Azurite', () => {
  governanceContract(() => {
    const connectionString = inject('azuriteConnectionString');
    const prefix = uniqueTablePrefix('g');
    return createTablesGovernanceStore((name) =>
      TableClient.fromConnectionString(connectionString, `${prefix}${name}`, {
        allowInsecureConnection: true,
      }),
    );
  });
});
