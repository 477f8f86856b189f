import type { TableClient } from '@azure/data-tables';
import { describe, inject } from 'vitest';
import { createTablesAdminRepository } from '../../src/store/tables-admin.repository.js';
import { createTablesLinkRepository } from '../../src/store/tables-link.repository.js';
import { tableClient } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { adminLinkContract } from './contract/admin-link.contract.js';

async function table(name: string): Promise<TableClient> {
  const client = tableClient(
    {
      connection: { connectionString: inject('azuriteConnectionString') },
      tablePrefix: uniqueTablePrefix('al'),
    },
    name,
  );
  await client.createTable();
  return client;
}

describe('the Azure Tables admin and link stores, on Azurite', () => {
  adminLinkContract(async () => ({
    admins: createTablesAdminRepository(await table('admins')),
    links: createTablesLinkRepository(await table('links')),
  }));
});
