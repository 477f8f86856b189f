import { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import type { Person } from '../../src/domain/people.js';
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
