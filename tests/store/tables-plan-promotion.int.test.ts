import { beforeEach, describe, expect, inject, it } from 'vitest';
import { codeKey } from '../../src/store/keys.js';
import type { Plan } from '../../src/store/plan.repository.js';
import type { Store } from '../../src/store/store.js';
import { PROGRAMME_PARTITION, type TablesContext } from '../../src/store/tables-layout.js';
import { pendingOf, rollForward } from '../../src/store/tables-plan-promotion.js';
import { stageAndSwitch } from '../../src/store/tables-plan.repository.js';
import { createTablesStore, tableClients } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, role, update } from './contract/fixtures.js';

const first: Plan = plan(
  'wsoa',
  { A: ['A1', 'A2'], B: ['B1'] },
  {
    roles: [role('wsoa', 'ADES', 'ades@example.org'), role('wsoa', 'GONE', 'gone@example.org')],
  },
);
// A1 moves to workstream B, ADES changes hands, GONE is removed, DCO is new, A2 gets a rating.
const moved = plan('wsoa', { A: ['A2'], B: ['A1', 'B1'] });
const second: Plan = {
  ...moved,
  roles: [
    { ...role('wsoa', 'ADES', 'new.ades@example.org'), deputy: 'deputy@example.org' },
    role('wsoa', 'DCO', 'dco@example.org'),
  ],
  ratings: [update('wsoa', 'A2', { id: 'r-a2', rating: 'Amber', at: '2025-10-30T00:00:00.000Z' })],
};

describe('promoting a switched plan version, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let options: Parameters<typeof createTablesStore>[0];
  let tables: TablesContext;
  let store: Store;

  beforeEach(async () => {
    options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('promo') };
    store = await createTablesStore(options);
    tables = tableClients(options);
    await store.plans.replace(first);
    const a1 = await store.actions.get('wsoa', 'A1');
    await store.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'u-a1', rating: 'Red' }),
      a1?.etag ?? '',
    );
  });

  async function pending() {
    return pendingOf(await tables.programmes.getEntity(PROGRAMME_PARTITION, codeKey('wsoa')));
  }

  /** What a person sees of roles, status and history once the second plan is in place. */
  async function expectSecondPlanWhole(): Promise<void> {
    expect(await store.roles.list('wsoa')).toEqual(second.roles);
    expect(await store.roles.rolesOf('ades@example.org')).toEqual([]);
    expect(await store.roles.rolesOf('deputy@example.org')).toEqual([
      { programmeId: 'wsoa', role: 'ADES', as: 'deputy' },
    ]);
    expect((await store.actions.get('wsoa', 'A1'))?.value).toMatchObject({
      workstream: 'B',
      current: { updateId: 'u-a1', rating: 'Red' },
    });
    expect((await store.actions.get('wsoa', 'A2'))?.value.current?.updateId).toBe('r-a2');
    const history = await store.actions.historyOfProgramme('wsoa');
    expect(history.map((u) => u.id).sort()).toEqual(['r-a2', 'u-a1']);
    expect(await pending()).toBeNull();
  }

  it('leaves the old roles and history in place until the promotion runs', async () => {
    await stageAndSwitch(tables, second);
    expect(await pending()).toMatchObject({ programmeId: 'wsoa' });
    expect(await store.roles.list('wsoa')).toEqual(first.roles);
    expect((await store.actions.historyOfProgramme('wsoa')).map((u) => u.id)).toEqual(['u-a1']);
  });

  it('ends with the new plan whole however many times the promotion runs, even at once', async () => {
    await stageAndSwitch(tables, second);
    await rollForward(tables, 'wsoa');
    await expectSecondPlanWhole();
    await Promise.all([rollForward(tables, 'wsoa'), rollForward(tables)]);
    await expectSecondPlanWhole();
  });

  it('finishes an import cut short after its switch when the store is opened again', async () => {
    await stageAndSwitch(tables, second);
    store = await createTablesStore(options);
    await expectSecondPlanWhole();
  });

  it('finishes an import cut short after its switch before the next import starts', async () => {
    await stageAndSwitch(tables, second);
    await store.plans.replace({ ...second, ratings: [] });
    await expectSecondPlanWhole();
  });

  it('keeps an update made between the switch and the promotion of a moved action', async () => {
    await stageAndSwitch(tables, second);
    const live = update('wsoa', 'A1', {
      id: 'u-live',
      rating: 'Blue',
      at: '2026-02-01T00:00:00.000Z',
    });
    const a1 = await store.actions.get('wsoa', 'A1');
    expect((await store.actions.recordUpdate(live, a1?.etag ?? '')).ok).toBe(true);
    await rollForward(tables);
    expect((await store.actions.get('wsoa', 'A1'))?.value.current?.updateId).toBe('u-live');
    expect((await store.actions.history('wsoa', 'A1')).map((u) => u.id)).toEqual([
      'u-live',
      'u-a1',
    ]);
  });
});
