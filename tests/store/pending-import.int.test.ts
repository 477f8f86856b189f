import { TableClient } from '@azure/data-tables';
import { describe, inject } from 'vitest';
import { createTablesPendingImportRepository } from '../../src/store/tables-pending-import.repository.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { pendingImportContract } from './contract/pending-import.contract.js';

describe('the Azure Tables pending-import store, on Azurite', () => {
  pendingImportContract(async () => {
    const table = TableClient.fromConnectionString(
      inject('azuriteConnectionString'),
      `${uniqueTablePrefix('pi')}pendingImports`,
      { allowInsecureConnection: true },
    );
    await table.createTable();
    return createTablesPendingImportRepository(table);
  });
});
