import { describe, inject } from 'vitest';
import { createTablesStore } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { storeContract } from './contract/store.contract.js';

describe('the Azure Tables store, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  storeContract(() =>
    createTablesStore({ connection: { connectionString }, tablePrefix: uniqueTablePrefix('c') }),
  );
});
