import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { ActionRepository } from '../../src/store/action.repository.js';
import { codeKey } from '../../src/store/keys.js';
import type { Plan } from '../../src/store/plan.repository.js';
import type { Store } from '../../src/store/store.js';
import { createTablesActionRepository } from '../../src/store/tables-action.repository.js';
import { PROGRAMME_PARTITION, type TablesContext } from '../../src/store/tables-layout.js';
import { promote } from '../../src/store/tables-plan-promotion.js';
import { stageAndSwitch } from '../../src/store/tables-plan.repository.js';
import { createTablesStore, tableClients } from '../../src/store/tables-store.js';
import { noteVersionRead } from '../../src/store/tables-version-fence.js';
import type { ReadRow } from '../../src/store/tables-support.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { plan, update } from './contract/fixtures.js';

const one: Plan = plan('wsoa', { A: ['A1', 'A2'], B: ['B1'] });
// A1 moves to workstream B; it has never been rated, so an update creates its status row.
const two: Plan = plan('wsoa', { A: ['A2'], B: ['A1', 'B1'] });

/**
 * An instance that read the programme row just before another instance imported a plan goes
 * on using the version it read for a moment. The fences must turn its reads and writes to
 * the new plan: nothing written where the new plan does not look, nothing read from the old.
 */
describe('the plan version fence, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  let store: Store;
  let tables: TablesContext;
  let actions: ActionRepository;
  let before: ReadRow;

  beforeEach(async () => {
    const options = { connection: { connectionString }, tablePrefix: uniqueTablePrefix('fence') };
    store = await createTablesStore(options);
    await store.plans.replace(one);
    // The late instance: its own clients, and so its own note of the version.
    tables = tableClients(options);
    actions = createTablesActionRepository(tables);
    before = await tables.programmes.getEntity(PROGRAMME_PARTITION, codeKey('wsoa'));
    // The importing instance switches and promotes; the old rows are not tidied yet.
    const { pending } = await stageAndSwitch(tableClients(options), two);
    await promote(tableClients(options), pending);
    noteVersionRead(tables, before);
  });

  it('lands an update aimed by the version before in the new plan, not the old', async () => {
    const result = await actions.recordUpdate(
      update('wsoa', 'A1', { id: 'late', rating: 'Green' }),
      'unrated',
    );
    expect(result.ok).toBe(true);
    const seen = await store.actions.get('wsoa', 'A1');
    expect(seen?.value).toMatchObject({ workstream: 'B', current: { rating: 'Green' } });
    expect((await store.actions.history('wsoa', 'A1')).map((u) => u.id)).toEqual(['late']);
    const b = (await store.summaries.listByProgramme('wsoa')).find((ws) => ws.code === 'B');
    expect(b?.summary.counts.Green).toBe(1);
  });

  it('reads the new plan, not the version it read before', async () => {
    expect((await actions.get('wsoa', 'A1'))?.value.workstream).toBe('B');
    noteVersionRead(tables, before);
    expect((await actions.listByWorkstream('wsoa', 'A')).map((a) => a.value.ref)).toEqual(['A2']);
  });
});
