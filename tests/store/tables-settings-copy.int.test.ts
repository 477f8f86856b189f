import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createUpdateUseCase } from '../../src/app/update.use-case.js';
import type { Programme } from '../../src/domain/programme.js';
import { codeKey } from '../../src/store/keys.js';
import type { Store } from '../../src/store/store.js';
import { PROGRAMME_PARTITION, statusKeys } from '../../src/store/tables-layout.js';
import { announceSettings, SEQ_COLUMN, stampOfRow } from '../../src/store/tables-settings-copy.js';
import {
  createTablesStore,
  tableClients,
  type StorageRequest,
  type TablesStoreOptions,
} from '../../src/store/tables-store.js';
import { putJson, readRow } from '../../src/store/tables-support.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, programme } from './contract/fixtures.js';

const owner = { email: 'ades@example.org', isAdmin: false };
const withZone = (timeZone: string): Programme => ({ ...programme('wsoa'), timeZone });

/**
 * A Save takes its programme's settings from the copy on its workstream partition's fence,
 * read with the action (src/store/tables-settings-copy.ts). These are the cases a copy could
 * be out of date in: another instance saving the settings, and a save cut short.
 */
describe('the settings a Save reads beside its action, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let options: TablesStoreOptions;
  let requests: StorageRequest[];
  let store: Store;

  beforeEach(async () => {
    requests = [];
    options = {
      connection: { connectionString },
      tablePrefix: uniqueTablePrefix('settings'),
      onRequest: (request) => requests.push(request),
    };
    store = await createTablesStore(options);
    await store.plans.replace(plan('wsoa', { A: ['A1'], B: ['B1'] }));
  });

  /** The Save's reads of A1 as the bot makes them, from a form drawn just before. */
  async function readForSave(on: Store = store) {
    const drawn = await on.actions.get('wsoa', 'A1');
    const hints = { ref: 'A1', ownerRole: 'ADES', ...(drawn?.aim ? { aim: drawn.aim } : {}) };
    requests.length = 0;
    return createUpdateUseCase(on).readForSave('wsoa', hints, owner);
  }

  const programmeRowReads = () => requests.filter((r) => /programmes\(/.test(r.url)).length;

  it('brings the settings with the action, without reading the programme, from an import on', async () => {
    const reads = await readForSave();
    expect(reads.programme).toEqual(programme('wsoa'));
    expect(requests).toHaveLength(2);
    expect(programmeRowReads()).toBe(0);
  });

  it('sees settings another instance saved a moment before', async () => {
    await readForSave();
    const other = await createTablesStore({ ...options, onRequest: () => undefined });
    await other.programmes.save(withZone('Asia/Tokyo'));
    expect((await readForSave()).programme).toEqual(withZone('Asia/Tokyo'));
    await other.programmes.save(withZone('America/New_York'));
    expect((await readForSave()).programme).toEqual(withZone('America/New_York'));
    expect(programmeRowReads()).toBe(0);
  });

  it('reads the programme row after a save cut short, until the next save copies again', async () => {
    const tables = tableClients(options);
    const row = await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey('wsoa'));
    const stamp = stampOfRow(row);
    if (!stamp) throw new Error('The import left no active version');
    const next = { ...stamp, seq: stamp.seq + 1 };
    // A save that announced its settings and wrote the row, then stopped before copying.
    await announceSettings(
      tables,
      ['A', 'B'].map((code) => statusKeys.partition('wsoa', code)),
      next,
    );
    const written = { partitionKey: PROGRAMME_PARTITION, rowKey: codeKey('wsoa') };
    putJson(written, 'json', withZone('Asia/Tokyo'));
    await tables.programmes.updateEntity({ ...written, [SEQ_COLUMN]: next.seq }, 'Merge');

    expect((await readForSave()).programme).toEqual(withZone('Asia/Tokyo'));
    expect(programmeRowReads()).toBe(1);

    await store.programmes.save(withZone('Europe/Paris'));
    expect((await readForSave()).programme).toEqual(withZone('Europe/Paris'));
    expect(programmeRowReads()).toBe(0);
  });

  it('never believes a copy older than a save announced but not yet written', async () => {
    const tables = tableClients(options);
    const row = await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey('wsoa'));
    const stamp = stampOfRow(row);
    if (!stamp) throw new Error('The import left no active version');
    await announceSettings(tables, [statusKeys.partition('wsoa', 'A')], {
      ...stamp,
      seq: stamp.seq + 5,
    });
    // The row still holds the import's settings, and they are what the Save gets.
    const reads = await readForSave();
    expect(reads.programme).toEqual(programme('wsoa'));
    expect(programmeRowReads()).toBe(1);
  });
});
