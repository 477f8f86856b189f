import { describe, expect, inject, it } from 'vitest';
import type { StepTick } from '../../src/domain/step-completion.js';
import { createTablesGovernanceStore } from '../../src/store/governance-store.js';
import { tableClient } from '../../src/store/tables-store.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { governanceContract } from './contract/governance.contract.js';

function storeWithPrefix(prefix: string) {
  const connectionString = inject('azuriteConnectionString');
  const client = (name: string) =>
    tableClient({ connection: { connectionString }, tablePrefix: prefix }, name);
  return { client, open: () => createTablesGovernanceStore(client) };
}

describe('the Azure Tables governance store, on Azurite', () => {
  governanceContract(() => storeWithPrefix(uniqueTablePrefix('g')).open());

  it('moves ticks kept in their old table beside the requests at start, losing none', async () => {
    const { client, open } = storeWithPrefix(uniqueTablePrefix('g'));
    const tick = (ref: string, letter: string, doneOn: string): StepTick => ({
      programmeId: 'wsoa',
      ref,
      letter,
      doneOn,
      by: 'sles@council.example',
      at: `${doneOn}T10:00:00.000Z`,
      periodId: 'Jan 2021',
    });
    // As the store wrote them before: partition WSOA, row REF|letter, in table stepTicks.
    const old = client('stepTicks');
    await old.createTable();
    for (const t of [tick('C2', 'a', '2021-01-10'), tick('C2', 'b', '2021-01-11')]) {
      await old.createEntity({ partitionKey: 'WSOA', rowKey: `C2|${t.letter}`, ...t });
    }
    // A start cut short after copying b): b) was then ticked again, later, in its new place.
    const first = await open();
    await first.stepTicks.tick(tick('C2', 'b', '2021-01-20'));
    await old.createEntity({
      partitionKey: 'WSOA',
      rowKey: 'C2|b',
      ...tick('C2', 'b', '2021-01-11'),
    });

    const store = await open();
    expect(await store.stepTicks.listForAction('wsoa', 'C2')).toEqual([
      tick('C2', 'a', '2021-01-10'),
      tick('C2', 'b', '2021-01-20'),
    ]);
    expect((await store.actionGovernance.ofAction('wsoa', 'C2')).ticks).toHaveLength(2);
    const left: unknown[] = [];
    for await (const row of old.listEntities()) left.push(row);
    expect(left).toEqual([]);
  });
});
