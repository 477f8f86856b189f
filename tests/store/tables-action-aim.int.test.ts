import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Plan } from '../../src/store/plan.repository.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, update } from './contract/fixtures.js';

const one: Plan = plan('wsoa', { A: ['A1', 'A2'], B: ['B1'] });
// A1 moves to workstream B in the next plan.
const two: Plan = plan('wsoa', { A: ['A2'], B: ['A1', 'B1'] });

/**
 * An update form carries where storage found its action (`aim`), so its Save reads the action
 * at once. A form drawn before a new plan, or a card whose aim was tampered with, must still
 * find the action where the plan in force has it, and its Save must land there.
 */
describe('reading an action where a form found it, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let store: Store;

  beforeEach(async () => {
    store = await createTablesStore({
      connection: { connectionString },
      tablePrefix: uniqueTablePrefix('aim'),
    });
    await store.plans.replace(one);
  });

  it('gives out an aim, and reads the same action by it', async () => {
    await store.actions.recordUpdate(update('wsoa', 'A1', { id: 'u1' }), 'unrated');
    const found = await store.actions.get('wsoa', 'A1');
    expect(found?.aim).toBeTruthy();
    const again = await store.actions.get('wsoa', 'a1', found?.aim);
    expect(again).toEqual(found);
  });

  it('follows a plan that moved the action since the form was drawn, and saves there', async () => {
    await store.actions.recordUpdate(update('wsoa', 'A1', { id: 'u1' }), 'unrated');
    const drawn = await store.actions.get('wsoa', 'A1');
    await store.plans.replace(two);
    const read = await store.actions.get('wsoa', 'A1', drawn?.aim);
    expect(read?.value.workstream).toBe('B');
    expect(read?.aim).not.toBe(drawn?.aim);
    const saved = await store.actions.recordUpdate(
      update('wsoa', 'A1', { id: 'u2', rating: 'Red' }),
      read?.etag ?? '',
    );
    expect(saved.ok).toBe(true);
    expect((await store.actions.get('wsoa', 'A1'))?.value).toMatchObject({
      workstream: 'B',
      current: { rating: 'Red' },
    });
  });

  it('reads as usual when the aim names another workstream or is not one at all', async () => {
    await store.actions.recordUpdate(update('wsoa', 'A1', { id: 'u1' }), 'unrated');
    const found = await store.actions.get('wsoa', 'A1');
    const version = found?.aim?.split(':')[0] ?? '';
    for (const aim of [`${version}:B`, 'not an aim', `v0:A`, ':']) {
      expect((await store.actions.get('wsoa', 'A1', aim))?.value.workstream).toBe('A');
    }
  });
});
