import type { TableClient } from '@azure/data-tables';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { codeKey, joinKey } from '../../src/store/keys.js';
import type { Plan } from '../../src/store/plan.repository.js';
import {
  PROGRAMME_PARTITION,
  planKeys,
  startsWith,
  statusKeys,
  type TablesContext,
} from '../../src/store/tables-layout.js';
import { createTablesStore, tableClients } from '../../src/store/tables-store.js';
import { queryRows } from '../../src/store/tables-support.js';
import { FENCE_ROW } from '../../src/store/tables-version-fence.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, update } from './contract/fixtures.js';

const first: Plan = plan('wsoa', { A: ['A1', 'A2'], B: ['B1'] });
// A1 moves to workstream B.
const second: Plan = plan('wsoa', { A: ['A2'], B: ['A1', 'B1'] });

/** Rows of one version, read back with keys and data only. */
async function rowsOf(table: TableClient, filter: string) {
  const rows = await queryRows(table, filter);
  return rows.map(({ etag: _etag, timestamp: _timestamp, ...row }) => row);
}

/**
 * Rewrites the active version as an import made before the reference index was spread over
 * partitions left it: a `v` version, its whole index in the one partition `prog|ver|refs`.
 */
async function storeAsBeforeTheIndexWasSpread(tables: TablesContext): Promise<string> {
  const programme = await tables.programmes.getEntity(PROGRAMME_PARTITION, codeKey('wsoa'));
  const spread = String(programme.activeVersion);
  const before = `v${spread.slice(1)}`;
  const planRows = await rowsOf(tables.plans, startsWith('PartitionKey', joinKey('WSOA', spread)));
  for (const row of planRows) {
    const parts = String(row.partitionKey).split('|');
    const partitionKey =
      parts[2] === 'refs'
        ? planKeys.refs('wsoa', before)
        : joinKey('WSOA', before, ...parts.slice(2));
    await tables.plans.createEntity({ ...row, partitionKey, rowKey: String(row.rowKey) });
  }
  for (const workstream of ['A', 'B']) {
    const partition = statusKeys.partition('wsoa', workstream);
    const table = tables.status(partition);
    for (const kind of ['c', 'd']) {
      for (const row of await rowsOf(table, startsWith('RowKey', joinKey(kind, spread)))) {
        const rowKey = String(row.rowKey).replace(`|${spread}|`, `|${before}|`);
        await table.createEntity({ ...row, partitionKey: partition, rowKey });
      }
    }
    // Imports of then left no fence (with the programme's settings) behind them.
    await table.deleteEntity(partition, FENCE_ROW);
  }
  await tables.programmes.updateEntity(
    { partitionKey: PROGRAMME_PARTITION, rowKey: codeKey('wsoa'), activeVersion: before },
    'Merge',
  );
  return before;
}

describe('a plan stored before the reference index was spread over partitions, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let options: Parameters<typeof createTablesStore>[0];
  let tables: TablesContext;

  beforeEach(async () => {
    options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('refs') };
    const store = await createTablesStore(options);
    tables = tableClients(options);
    await store.plans.replace(first);
  });

  it('still finds its actions by reference, lists them and takes updates', async () => {
    await storeAsBeforeTheIndexWasSpread(tables);
    const store = await createTablesStore(options);
    expect(await store.actions.listRefs('wsoa')).toEqual(['A1', 'A2', 'B1']);
    const a1 = await store.actions.get('wsoa', 'A1');
    expect(a1?.value).toMatchObject({ ref: 'A1', workstream: 'A' });
    expect(await store.actions.get('wsoa', 'Z9')).toBeNull();
    const saved = await store.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'u-a1', rating: 'Red' }),
      a1?.etag ?? '',
    );
    expect(saved.ok).toBe(true);
    expect((await store.actions.listByProgramme('wsoa')).map((a) => a.value.ref)).toEqual([
      'A1',
      'A2',
      'B1',
    ]);
  });

  it('is replaced by the next import, which moves status by its index and deletes its rows', async () => {
    const before = await storeAsBeforeTheIndexWasSpread(tables);
    const store = await createTablesStore(options);
    const a1 = await store.actions.get('wsoa', 'A1');
    await store.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'u-a1', rating: 'Red' }),
      a1?.etag ?? '',
    );
    await store.plans.replace(second);
    expect((await store.actions.get('wsoa', 'A1'))?.value).toMatchObject({
      workstream: 'B',
      current: { updateId: 'u-a1', rating: 'Red' },
    });
    expect((await store.actions.history('wsoa', 'A1')).map((u) => u.id)).toEqual(['u-a1']);
    const left = await queryRows(tables.plans, startsWith('PartitionKey', joinKey('WSOA', before)));
    expect(left).toEqual([]);
  });
});
