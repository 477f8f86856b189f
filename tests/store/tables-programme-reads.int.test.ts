import { describe, expect, inject, it } from 'vitest';
import type { ConversationLink } from '../../src/store/link.repository.js';
import { encodeKeyPart } from '../../src/store/keys.js';
import { LINK_PARTITION } from '../../src/store/tables-layout.js';
import {
  createTablesStore,
  tableClients,
  type StorageRequest,
  type TablesStoreOptions,
} from '../../src/store/tables-store.js';
import { readRow } from '../../src/store/tables-support.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan } from './contract/fixtures.js';

const board = (conversationKey: string, programmeId: string): ConversationLink => ({
  conversationKey,
  programmeId,
  board: true,
  linkedBy: 'admin@example.org',
  linkedAt: '2021-03-01T10:00:00Z',
});

function storeOptions(requests: StorageRequest[]): TablesStoreOptions {
  return {
    connection: { connectionString: inject('azuriteConnectionString') },
    tablePrefix: uniqueTablePrefix('reads'),
    onRequest: (request) => requests.push(request),
  };
}

describe('programmes and chats’ links in one table, on Azurite', () => {
  it('reads every programme and a chat’s link in one request when both are asked together', async () => {
    const requests: StorageRequest[] = [];
    const store = await createTablesStore(storeOptions(requests));
    await store.plans.replace(plan('wsoa', { A: ['A1'] }));
    await store.plans.replace(plan('send', { B: ['B1'] }));
    await store.links.save(board('19:board@thread.tacv2', 'send'));

    requests.length = 0;
    const [programmes, link, unlinked] = await Promise.all([
      store.programmes.list(),
      store.links.get('19:board@thread.tacv2'),
      store.links.get('19:elsewhere@thread.tacv2'),
    ]);
    expect(programmes.map((p) => p.id)).toEqual(['send', 'wsoa']);
    expect(link).toEqual(board('19:board@thread.tacv2', 'send'));
    expect(unlinked).toBeNull();
    expect(requests).toHaveLength(1);

    requests.length = 0;
    expect(await store.links.get('19:board@thread.tacv2')).toMatchObject({ programmeId: 'send' });
    expect((await store.programmes.list()).map((p) => p.id)).toEqual(['send', 'wsoa']);
    expect(await store.links.listBoard('SEND')).toEqual([board('19:board@thread.tacv2', 'send')]);
    expect(requests).toHaveLength(3);
  });

  it('moves the links an older version kept in their own table, once, at start', async () => {
    const requests: StorageRequest[] = [];
    const options = storeOptions(requests);
    const first = await createTablesStore(options);
    await first.plans.replace(plan('wsoa', { A: ['A1'] }));
    // As an older version wrote it: the link partition of {p}links.
    const tables = tableClients(options);
    const old = board('19:old@thread.tacv2', 'wsoa');
    await tables.links.createEntity({
      partitionKey: LINK_PARTITION,
      rowKey: encodeKeyPart(old.conversationKey),
      programmeKey: 'WSOA',
      ...old,
    });

    const restarted = await createTablesStore(options);
    expect(await restarted.links.get(old.conversationKey)).toEqual(old);
    expect(await restarted.links.listBoard('wsoa')).toEqual([old]);
    expect(
      await readRow(tables.links, LINK_PARTITION, encodeKeyPart(old.conversationKey)),
    ).toBeNull();

    // Unlinked after the move, it stays unlinked when the bot starts again.
    expect(await restarted.links.remove(old.conversationKey)).toBe(true);
    const again = await createTablesStore(options);
    expect(await again.links.get(old.conversationKey)).toBeNull();
  });
});
