import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, update } from './contract/fixtures.js';

/**
 * A Save takes the rows the form's check has just read rather than reading them again; all
 * it writes is checked by ETag, so whatever changed in between is still seen.
 */
describe('recording an update from the rows just read, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let options: Parameters<typeof createTablesStore>[0];
  let store: Store;

  beforeEach(async () => {
    options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('ru') };
    store = await createTablesStore(options);
    await store.plans.replace(plan('wsoa', { A: ['A1', 'A2'] }));
  });

  it('still counts an update made meanwhile to another action of the workstream', async () => {
    const a1 = await store.actions.get('wsoa', 'A1');
    const other = await createTablesStore(options);
    const a2 = await other.actions.get('wsoa', 'A2');
    await other.actions.recordUpdate(
      update('wsoa', 'A2', { id: 'a2', rating: 'Red' }),
      a2?.etag ?? '',
    );
    const saved = await store.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'a1', rating: 'Green' }),
      a1?.etag ?? '',
    );
    expect(saved.ok).toBe(true);
    const [a] = await store.summaries.listByProgramme('wsoa');
    expect(a?.summary.counts).toMatchObject({ Red: 1, Green: 1 });
  });

  it('refuses as stale a Save whose action someone else updated after the form was read', async () => {
    const a1 = await store.actions.get('wsoa', 'A1');
    const other = await createTablesStore(options);
    await other.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'first', rating: 'Red' }),
      a1?.etag ?? '',
    );
    const late = await store.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'second', rating: 'Green' }),
      a1?.etag ?? '',
    );
    expect(late).toMatchObject({ ok: false, code: 'STALE_UPDATE' });
    expect((await store.actions.history('wsoa', 'A1')).map((u) => u.id)).toEqual(['first']);
  });
});
