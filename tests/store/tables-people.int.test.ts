import { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import type { Person } from '../../src/domain/people.js';
import type { StoredConversation } from '../../src/store/conversation.repository.js';
import { emailKey } from '../../src/store/keys.js';
import { createTablesStore, type StorageRequest } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';

const ana: Person = {
  email: 'ana.okafor@council.example',
  name: 'Ana Okafor',
  aadObjectId: '6f1c2b9e-0d1a-4c55-9a7e-3b2f8e4d1c00',
  awayUntil: null,
  unreachable: null,
};

describe('the people table’s index by Entra object id, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');

  it('adds a person who writes for the first time, with their index, in one request', async () => {
    const sent: StorageRequest[] = [];
    const store = await createTablesStore({
      connection: { connectionString },
      tablePrefix: uniqueTablePrefix('pi'),
      onRequest: (request) => sent.push(request),
    });
    sent.length = 0;
    expect(await store.people.add(ana)).toBeNull();
    expect(sent.map((request) => request.method)).toEqual(['POST']);
    expect(await store.people.getByAadObjectId(ana.aadObjectId ?? '')).toEqual(ana);
    // Known by email already (marked away before they wrote): nothing is written, the row is
    // given back, and the index is left for the caller to bind with a save.
    expect(await store.people.add({ ...ana, name: 'A. Okafor' })).toEqual(ana);
  });

  it('moves an index an older version kept in its own partition at the next start', async () => {
    const options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('pm') };
    const before = await createTablesStore(options);
    await before.people.save({ ...ana, aadObjectId: null });
    // As versions before the move wrote it: partition `aad`, keyed by the object id alone.
    const people = TableClient.fromConnectionString(
      connectionString,
      `${options.tablePrefix}people`,
      {
        allowInsecureConnection: true,
      },
    );
    await people.upsertEntity(
      { partitionKey: 'aad', rowKey: ana.aadObjectId ?? '', email: ana.email },
      'Replace',
    );
    await before.people.save(ana);
    // An older instance's index is not read where this version looks: the person is not found.
    await people.deleteEntity('person', `aad|${ana.aadObjectId ?? ''}`);
    expect(await before.people.getByAadObjectId(ana.aadObjectId ?? '')).toBeNull();

    const restarted = await createTablesStore(options);
    expect(await restarted.people.getByAadObjectId(ana.aadObjectId ?? '')).toEqual(ana);
    const left: unknown[] = [];
    for await (const row of people.listEntities({
      queryOptions: { filter: "PartitionKey eq 'aad'" },
    })) {
      left.push(row);
    }
    expect(left).toEqual([]);
  });
});

const chatWith = (email: string, updatedAt: string): StoredConversation => ({
  key: `personal:${ana.aadObjectId ?? ''}`,
  kind: 'personal',
  tenantId: 'tenant',
  aadObjectId: ana.aadObjectId,
  email,
  reference: { conversation: { id: 'a:ana' }, serviceUrl: 'https://smba.example/' },
  updatedAt,
});

/** `GET people`: the method and the table each request went to. */
const described = (sent: readonly StorageRequest[]) =>
  sent.map(
    (request) =>
      `${request.method} ${/(people|conversations)/.exec(new URL(request.url).pathname)?.[1] ?? ''}`,
  );

describe('personal chats kept on their person’s row, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');

  /** Writes a chat as versions before this one kept it: partition `personal` of conversations. */
  async function olderVersionKeeps(tablePrefix: string, chat: StoredConversation) {
    const conversations = TableClient.fromConnectionString(
      connectionString,
      `${tablePrefix}conversations`,
      { allowInsecureConnection: true },
    );
    await conversations.upsertEntity(
      {
        partitionKey: 'personal',
        rowKey: emailKey(chat.email ?? ''),
        json: JSON.stringify(chat),
        json_parts: 0,
      },
      'Replace',
    );
  }

  async function storeWithRequests() {
    const sent: StorageRequest[] = [];
    const tablePrefix = uniqueTablePrefix('pc');
    const store = await createTablesStore({
      connection: { connectionString },
      tablePrefix,
      onRequest: (request) => sent.push(request),
    });
    return { store, sent, tablePrefix };
  }

  it('reads a chat an older version kept in the conversations table, and keeps it with the person', async () => {
    const { store, sent, tablePrefix } = await storeWithRequests();
    await store.people.save(ana);
    const older = chatWith(ana.email, '2026-01-20T10:00:00.000Z');
    await olderVersionKeeps(tablePrefix, older);

    sent.length = 0;
    expect(await store.conversations.getPersonalByEmail('Ana.Okafor@council.example')).toEqual(
      older,
    );
    // The person's row, which holds no chat yet, then the older version's row, which is
    // copied onto the person's row.
    expect(described(sent)).toEqual(['GET people', 'GET conversations', 'PATCH people']);
    sent.length = 0;
    expect(await store.conversations.getPersonalByEmail(ana.email)).toEqual(older);
    expect(described(sent)).toEqual(['GET people']);

    sent.length = 0;
    const newer = chatWith(ana.email, '2026-01-21T10:00:00.000Z');
    await store.conversations.save(newer);
    expect(described(sent)).toEqual(['PATCH people']);
    sent.length = 0;
    expect(await store.conversations.getPersonalByEmail(ana.email)).toEqual(newer);
    expect(described(sent)).toEqual(['GET people']);
    expect(await store.people.get(ana.email)).toEqual(ana);
  });

  it('does not copy an older version’s chat over a newer one kept since the person was read', async () => {
    const { store, tablePrefix } = await storeWithRequests();
    await store.people.save(ana);
    await olderVersionKeeps(tablePrefix, chatWith(ana.email, '2026-01-20T10:00:00.000Z'));
    const newer = chatWith(ana.email, '2026-01-21T10:00:00.000Z');
    // Another instance keeps a newer chat as this one, having read the person's row, asks for
    // the older version's row: its copy, made at the ETag it read, must not land.
    const pending: { save?: Promise<void> } = {};
    const reader = await createTablesStore({
      connection: { connectionString },
      tablePrefix,
      onRequest: (request) => {
        if (!pending.save && request.url.includes('conversations')) {
          pending.save = store.conversations.save(newer);
        }
      },
    });

    await reader.conversations.getPersonalByEmail(ana.email);
    expect(pending.save).toBeDefined();
    await pending.save;
    expect(await store.conversations.getPersonalByEmail(ana.email)).toEqual(newer);
  });

  it('keeps the chat of someone with no row in the people table in the conversations table', async () => {
    const { store, sent } = await storeWithRequests();
    const chat = chatWith('kim@council.example', '2026-01-20T10:00:00.000Z');

    sent.length = 0;
    await store.conversations.save(chat);
    // Merging onto a person's row that is not there fails with 404 and creates nothing.
    expect(described(sent)).toEqual(['PATCH people', 'PUT conversations']);
    expect(await store.people.get('kim@council.example')).toBeNull();
    expect(await store.conversations.getPersonalByEmail('kim@council.example')).toEqual(chat);
  });
});
