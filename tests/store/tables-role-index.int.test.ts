import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { codeKey } from '../../src/store/keys.js';
import type { TablesContext } from '../../src/store/tables-layout.js';
import { applyToIndex } from '../../src/store/tables-role-index.js';
import { createTablesStore, tableClients } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, role } from './contract/fixtures.js';

const dco = { programmeId: 'wsoa', role: 'DCO', as: 'person' } as const;

describe('the index of who holds which role, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let options: Parameters<typeof createTablesStore>[0];
  let tables: TablesContext;
  let store: Store;

  beforeEach(async () => {
    options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('ri') };
    store = await createTablesStore(options);
    tables = tableClients(options);
    await store.plans.replace(
      plan('wsoa', { A: ['A1'] }, { roles: [role('wsoa', 'DCO', 'sam@example.org')] }),
    );
  });

  /** The role row as a change leaves it just before it reaches the index (a crash then). */
  async function cutShortHandingTo(person: string): Promise<void> {
    const row = await tables.roles.getEntity(codeKey('wsoa'), 'DCO');
    await tables.roles.updateEntity(
      {
        partitionKey: codeKey('wsoa'),
        rowKey: 'DCO',
        json: JSON.stringify(role('wsoa', 'DCO', person)),
        json_parts: 0,
        seq: Number(row.seq) + 1,
        pending: JSON.stringify([{ email: 'sam@example.org', as: 'person' }]),
      },
      'Replace',
      { etag: row.etag },
    );
  }

  it('is one query: who someone is in a programme costs one request', async () => {
    let requests = 0;
    const counted = await createTablesStore({ ...options, onRequest: () => (requests += 1) });
    requests = 0;
    expect(await counted.roles.rolesOf('Sam@Example.org')).toEqual([dco]);
    expect(requests).toBe(1);
  });

  it('finishes a change cut short when the store next starts', async () => {
    await cutShortHandingTo('lee@example.org');
    const reopened = await createTablesStore(options);
    expect(await reopened.roles.rolesOf('sam@example.org')).toEqual([]);
    expect(await reopened.roles.rolesOf('lee@example.org')).toEqual([dco]);
  });

  it('finishes a change cut short before making the next one to the same role', async () => {
    await cutShortHandingTo('lee@example.org');
    await store.roles.save({
      ...role('wsoa', 'DCO', 'lee@example.org'),
      deputy: 'kim@example.org',
    });
    expect(await store.roles.rolesOf('sam@example.org')).toEqual([]);
    expect(await store.roles.rolesOf('lee@example.org')).toEqual([dco]);
    expect(await store.roles.rolesOf('kim@example.org')).toEqual([{ ...dco, as: 'deputy' }]);
  });

  it('never lets a late writer of an older change give back a role taken away since', async () => {
    const before = await tables.roles.getEntity(codeKey('wsoa'), 'DCO');
    await store.roles.save(role('wsoa', 'DCO', 'lee@example.org'));
    // A slow process still applying the change that gave DCO to Sam arrives now.
    await applyToIndex(tables, {
      programmeId: 'wsoa',
      code: 'DCO',
      seq: Number(before.seq),
      was: [],
      now: [{ email: 'sam@example.org', as: 'person' }],
    });
    expect(await store.roles.rolesOf('sam@example.org')).toEqual([]);
    expect(await store.roles.rolesOf('lee@example.org')).toEqual([dco]);
  });

  it('does not believe an entry written before entries were kept exact, unless its role does', async () => {
    // Entries without a seq came from earlier releases, which let them go stale.
    const old = (email: string) => ({
      partitionKey: `by|${email}`,
      rowKey: 'WSOA|DCO|person',
      programmeId: 'wsoa',
      role: 'DCO',
      as: 'person',
    });
    await tables.roles.upsertEntity(old('gone@example.org'), 'Replace');
    await tables.roles.upsertEntity(old('sam@example.org'), 'Replace');
    expect(await store.roles.rolesOf('gone@example.org')).toEqual([]);
    expect(await store.roles.rolesOf('sam@example.org')).toEqual([dco]);
  });
});
