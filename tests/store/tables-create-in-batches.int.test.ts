import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createTablesStore, tableClients } from '../../src/store/tables-store.js';
import type { TablesContext } from '../../src/store/tables-layout.js';
import { createInBatches, queryRows, type Row } from '../../src/store/tables-support.js';
import { uniqueTablePrefix } from '../support/azurite.js';

const rowsOf = (count: number, text: string): Row[] =>
  Array.from({ length: count }, (_, i) => ({
    partitionKey: 'p',
    rowKey: String(i).padStart(3, '0'),
    text,
  }));

describe('writing rows that are almost always new, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let tables: TablesContext;

  beforeEach(async () => {
    const options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('create') };
    await createTablesStore(options);
    tables = tableClients(options);
  });

  it('stores every row, across several transactions', async () => {
    let told = 0;
    await createInBatches(tables.plans, rowsOf(250, 'new'), (count) => (told += count));
    const stored = await queryRows(tables.plans, "PartitionKey eq 'p'");
    expect(stored).toHaveLength(250);
    expect(told).toBe(250);
  });

  it('ends as an upsert would when some rows were there already: replaced, none lost', async () => {
    // As a retried transaction that had landed, or a write racing an import, leaves them.
    await tables.plans.createEntity({ partitionKey: 'p', rowKey: '005', text: 'old', extra: 1 });
    await tables.plans.createEntity({ partitionKey: 'p', rowKey: '150', text: 'old', extra: 1 });
    await createInBatches(tables.plans, rowsOf(200, 'new'));
    const stored = await queryRows(tables.plans, "PartitionKey eq 'p'");
    expect(stored).toHaveLength(200);
    expect(stored.every((row) => row.text === 'new' && row.extra === undefined)).toBe(true);
  });
});
