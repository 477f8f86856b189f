import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Plan } from '../../src/store/plan.repository.js';
import { createTablesStore, type StorageRequest } from '../../src/store/tables-store.js';
import type { Store } from '../../src/store/store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, update } from './contract/fixtures.js';

const first: Plan = plan('wsoa', { A: ['A1', 'A2'], B: ['B1'] });

/** The same plan imported again, its titles reworded. */
function reworded(from: Plan, word: string): Plan {
  return { ...from, actions: from.actions.map((a) => ({ ...a, title: `${word} ${a.ref}` })) };
}

/** The `$filter` of each query the store sent to a workstream's table. */
function workstreamQueries(requests: readonly StorageRequest[]): string[] {
  return requests
    .map((request) => new URL(request.url))
    .filter((url) => /\/[a-z0-9]*ws[0-9a-f]{20}\(\)$/.test(url.pathname))
    .map((url) => url.searchParams.get('$filter') ?? '');
}

/**
 * A workstream's `/status` keeps the definitions of the plan version it read, so its later
 * reads ask only for the status rows; a newer plan, imported here or by another instance, is
 * read afresh.
 */
describe("a workstream's definitions, kept by plan version, on Azurite", () => {
  const connectionString = inject('azuriteConnectionString');
  let options: Parameters<typeof createTablesStore>[0];
  let requests: StorageRequest[];
  let store: Store;

  beforeEach(async () => {
    requests = [];
    options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('kept') };
    store = await createTablesStore({ ...options, onRequest: (r) => requests.push(r) });
    await store.plans.replace(first);
  });

  it('reads the packs once, then only the status rows, and still sees every update', async () => {
    // The first read may be beside a fresh look at the version (not kept, below); the second
    // is after it.
    await store.actions.listByWorkstream('wsoa', 'A');
    const before = await store.actions.listByWorkstream('wsoa', 'A');
    expect(before.map((a) => [a.value.ref, a.value.title, a.value.current])).toEqual([
      ['A1', 'Action A1', null],
      ['A2', 'Action A2', null],
    ]);
    requests.length = 0;
    const saved = await store.actions.recordUpdate(
      update('wsoa', 'A2', { id: 'u1', rating: 'Red', note: 'Stuck' }),
      before[1]?.etag ?? '',
    );
    expect(saved.ok).toBe(true);
    requests.length = 0;
    const after = await store.actions.listByWorkstream('wsoa', 'A');
    expect(after.map((a) => [a.value.ref, a.value.title, a.value.current?.rating ?? null])).toEqual(
      [
        ['A1', 'Action A1', null],
        ['A2', 'Action A2', 'Red'],
      ],
    );
    const [query, ...more] = workstreamQueries(requests);
    expect(more).toEqual([]);
    expect(query).toContain("RowKey ge 's|'");
    expect(query).not.toContain("RowKey lt 'd'");
  });

  it('keeps no packs read beside a fresh look at the version: they may predate it', async () => {
    // A version is trusted for a second after it was read: once that has passed, the next
    // list reads the programme row beside the partition, so what it found is not kept; the
    // one after, with the version known before it asked, is.
    const fresh = await createTablesStore({ ...options, onRequest: (r) => requests.push(r) });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const filters: string[][] = [];
    for (let read = 0; read < 3; read += 1) {
      requests.length = 0;
      const listed = await fresh.actions.listByWorkstream('wsoa', 'A');
      expect(listed.map((a) => a.value.title)).toEqual(['Action A1', 'Action A2']);
      filters.push(workstreamQueries(requests));
    }
    const asksForPacks = (filter: string) => filter.includes("RowKey lt 'd'");
    expect(filters.map((read) => read.some(asksForPacks))).toEqual([true, true, false]);
  });

  it('reads a newer plan imported here afresh', async () => {
    await store.actions.listByWorkstream('wsoa', 'A');
    await store.plans.replace(reworded(first, 'Renamed'));
    const listed = await store.actions.listByWorkstream('wsoa', 'A');
    expect(listed.map((a) => a.value.title)).toEqual(['Renamed A1', 'Renamed A2']);
  });

  it('reads a newer plan imported by another instance afresh', async () => {
    await store.actions.listByWorkstream('wsoa', 'A');
    const other = await createTablesStore(options);
    // A1 moves to workstream B, and A gains A3.
    await other.plans.replace(
      reworded(plan('wsoa', { A: ['A2', 'A3'], B: ['A1', 'B1'] }), 'Moved'),
    );
    // The version this instance read a moment ago is trusted for a second (the fence says
    // whether a newer one has reached the partition), so look again after it.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const listed = await store.actions.listByWorkstream('wsoa', 'A');
    expect(listed.map((a) => [a.value.ref, a.value.title])).toEqual([
      ['A2', 'Moved A2'],
      ['A3', 'Moved A3'],
    ]);
  });

  it('reads a newer plan by the fence, inside the second a version is trusted', async () => {
    await store.actions.listByWorkstream('wsoa', 'A');
    const other = await createTablesStore(options);
    await other.plans.replace(reworded(first, 'Fenced'));
    const listed = await store.actions.listByWorkstream('wsoa', 'A');
    expect(listed.map((a) => a.value.title)).toEqual(['Fenced A1', 'Fenced A2']);
  });
});
