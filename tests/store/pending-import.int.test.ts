import { describe, inject } from 'vitest';
import { createTablesPendingImportRepository } from '../../src/store/tables-pending-import.repository.js';
import { tableClient } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { pendingImportContract } from './contract/pending-import.contract.js';

describe('the Azure Tables pending-import store, on Azurite', () => {
  pendingImportContract(async () => {
    const table = tableClient(
      {
        connection: { connectionString: inject('azuriteConnectionString') },
        tablePrefix: uniqueTablePrefix('pi'),
      },
      'pendingImports',
    );
    await table.createTable();
    return createTablesPendingImportRepository(table);
  });
});
