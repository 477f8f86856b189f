import { TableClient } from '@azure/data-tables';
import { describe, inject } from 'vitest';
import { createTablesAdminRepository } from '../../src/store/tables-admin.repository.js';
import { createTablesLinkRepository } from '../../src/store/tables-link.repository.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { adminLinkContract } from './contract/admin-link.contract.js';

async function table(name: string): Promise<TableClient> {
  const client = TableClient.fromConnectionString(
    inject('azuriteConnectionString'),
    `${uniqueTablePrefix('al')}${name}`,
    { allowInsecureConnection: true },
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
