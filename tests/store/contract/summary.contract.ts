import { beforeEach, describe, expect, it } from 'vitest';
import { NOT_RATED } from '../../../src/domain/rating.js';
import type { AgreedDue } from '../../../src/domain/agreed-due.js';
import {
  notReportedIn,
  overdueOn,
  summarise,
  type StatusSummary,
} from '../../../src/domain/status-summary.js';
import type { Store } from '../../../src/store/store.js';
import { action, plan, update, type StoreFactory } from './fixtures.js';

/** What a summary must equal: the same figures worked out from every action. */
async function fromActions(store: Store, programmeId: string, code: string) {
  const listed = await store.actions.listByWorkstream(programmeId, code);
  return summarise(listed.map((found) => found.value));
}

let minute = 0;

async function rate(store: Store, ref: string, id: string, rating: 'Blue' | 'Red' | 'Green') {
  const read = await store.actions.get('wsoa', ref);
  minute += 1;
  const at = new Date(Date.UTC(2026, 0, 20, 10, minute)).toISOString();
  const result = await store.actions.recordUpdate(
    update('wsoa', ref, { id, rating, at }),
    read?.etag ?? '',
  );
  if (!result.ok) throw new Error(`Rating ${ref} failed: ${result.code}`);
}

const counts = (summary: StatusSummary | undefined) => summary?.counts;

export function summaryContract(createStore: StoreFactory): void {
  describe('status summaries', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
      await store.plans.replace(
        plan(
          'wsoa',
          { EHC: ['EHC1', 'EHC2', 'EHC3'], A: ['A1'] },
          {
            ratings: [
              { ...update('wsoa', 'EHC1', { id: 'past1', rating: 'Amber' }), periodId: 'Oct 2025' },
              { ...update('wsoa', 'A1', { id: 'past2', rating: 'Red' }), source: 'import' },
            ],
          },
        ),
      );
    });

    it('has each workstream of an imported plan, in the plan’s order, with its counts and names', async () => {
      const listed = await store.summaries.listByProgramme('wsoa');
      expect(listed.map((found) => [found.code, found.name])).toEqual([
        ['EHC', 'Workstream EHC'],
        ['A', 'Workstream A'],
      ]);
      expect(listed[0]?.summary).toEqual(await fromActions(store, 'wsoa', 'EHC'));
      expect(counts(listed[0]?.summary)).toEqual({
        Blue: 0,
        Green: 0,
        Amber: 1,
        Red: 0,
        [NOT_RATED]: 2,
      });
      expect(listed[1]?.summary.total).toBe(1);
      expect(await store.summaries.listByProgramme('no-such-programme')).toEqual([]);
    });

    it('follows every update: counts, overdue on any day and who has not reported', async () => {
      await rate(store, 'EHC2', 'u-red', 'Red');
      await rate(store, 'EHC1', 'u-blue', 'Blue');
      await rate(store, 'EHC2', 'u-green', 'Green');
      const ehc = await store.summaries.get('wsoa', 'ehc');
      expect(ehc?.code).toBe('EHC');
      expect(ehc?.summary).toEqual(await fromActions(store, 'wsoa', 'EHC'));
      expect(counts(ehc?.summary)).toMatchObject({ Blue: 1, Green: 1, Amber: 0, [NOT_RATED]: 1 });
      // Every fixture action is due on 31 Mar 2026; Blue ones are never overdue.
      const summary = ehc?.summary;
      if (!summary) throw new Error('no summary');
      expect(overdueOn(summary, '2026-03-31')).toBe(0);
      expect(overdueOn(summary, '2026-04-01')).toBe(2);
      expect(notReportedIn(summary, 'Jan 2026')).toBe(1);
      expect(notReportedIn(summary, 'Oct 2025')).toBe(3);
      const programme = await store.summaries.listByProgramme('wsoa');
      expect(programme.find((found) => found.code === 'EHC')?.summary).toEqual(summary);
    });

    it('counts every one of many updates made at once to one workstream', async () => {
      await Promise.all(
        ['EHC1', 'EHC2', 'EHC3'].map((ref, i) => rate(store, ref, `at-once-${i}`, 'Green')),
      );
      const ehc = await store.summaries.get('wsoa', 'EHC');
      expect(counts(ehc?.summary)).toMatchObject({ Green: 3, Amber: 0, [NOT_RATED]: 0 });
      expect(ehc?.summary).toEqual(await fromActions(store, 'wsoa', 'EHC'));
    });

    it('is unchanged by an update refused as stale', async () => {
      const read = await store.actions.get('wsoa', 'EHC3');
      await rate(store, 'EHC3', 'first', 'Red');
      const stale = await store.actions.recordUpdate(
        update('wsoa', 'EHC3', { id: 'second', rating: 'Blue' }),
        read?.etag ?? '',
      );
      expect(stale.ok).toBe(false);
      const ehc = await store.summaries.get('wsoa', 'EHC');
      expect(counts(ehc?.summary)).toMatchObject({ Red: 1, Blue: 0 });
    });

    it('follows a new plan: moved and dated actions, and a workstream dropped', async () => {
      await rate(store, 'EHC3', 'u-red', 'Red');
      const moved = { ...action('wsoa', 'B', 'EHC3'), revisedDue: '2026-06-30' };
      await store.plans.replace({
        ...plan('wsoa', { EHC: ['EHC1', 'EHC2'], B: [] }),
        actions: [action('wsoa', 'EHC', 'EHC1'), action('wsoa', 'EHC', 'EHC2'), moved],
      });
      const listed = await store.summaries.listByProgramme('wsoa');
      expect(listed.map((found) => found.code)).toEqual(['EHC', 'B']);
      const b = listed[1]?.summary;
      expect(b).toEqual(await fromActions(store, 'wsoa', 'B'));
      expect(b?.counts.Red).toBe(1);
      expect(b?.openByDue).toEqual(new Map([['2026-06-30', 1]]));
      expect(listed[0]?.summary).toEqual(await fromActions(store, 'wsoa', 'EHC'));
      expect(await store.summaries.get('wsoa', 'A')).toBeNull();
    });

    it('counts a date a decider approved while the plan keeps the dates it was agreed against', async () => {
      await rate(store, 'EHC2', 'u-red', 'Red');
      const drawn = await store.actions.get('wsoa', 'EHC2');
      const agreed = (requestId: string, toDue: string, decidedAt: string): AgreedDue => ({
        requestId,
        toDue,
        planDates: { due: '2026-03-31', revisedDue: null },
        decidedAt,
      });
      const june = agreed('r2', '2026-06-30', '2026-02-02T10:00:00.000Z');
      expect(await store.actions.keepAgreedDue('wsoa', 'ehc2', june)).toBe(true);
      // An approval decided earlier, arriving after, changes nothing.
      const may = agreed('r1', '2026-05-29', '2026-02-01T10:00:00.000Z');
      expect(await store.actions.keepAgreedDue('wsoa', 'EHC2', may)).toBe(true);
      expect(await store.actions.keepAgreedDue('wsoa', 'EHC9', june)).toBe(false);

      const found = await store.actions.get('wsoa', 'EHC2');
      expect(found?.value.agreedDue).toBe('2026-06-30');
      // The plan's own dates stay as the workbook gave them.
      expect([found?.value.due, found?.value.revisedDue]).toEqual(['2026-03-31', null]);
      // A card drawn before the approval can still be saved: the action's ETag is unchanged.
      expect(found?.etag).toBe(drawn?.etag);
      const read = async (ref: string) => ({
        listed: (await store.actions.listByWorkstream('wsoa', 'EHC')).find(
          (a) => a.value.ref === ref,
        )?.value.agreedDue,
        withHistory: (await store.actions.withHistory('wsoa', ref))?.action.value.agreedDue,
        owned: (await store.actions.listByOwnerRoles('wsoa', ['ADES'])).find(
          (a) => a.value.ref === ref,
        )?.value.agreedDue,
      });
      expect(await read('EHC2')).toEqual({
        listed: '2026-06-30',
        withHistory: '2026-06-30',
        owned: '2026-06-30',
      });
      // The owner's copy keeps its rating and the ETag /mine's cards carry.
      const copy = (await store.actions.listByOwnerRoles('wsoa', ['ADES'])).find(
        (a) => a.value.ref === 'EHC2',
      );
      expect([copy?.value.current?.rating, copy?.etag]).toEqual(['Red', drawn?.etag]);
      const kept = async () => {
        const ehc = await store.summaries.get('wsoa', 'EHC');
        if (!ehc) throw new Error('no summary');
        expect(ehc.summary).toEqual(await fromActions(store, 'wsoa', 'EHC'));
        return ehc.summary;
      };
      expect((await kept()).openByDue).toEqual(
        new Map([
          ['2026-03-31', 2],
          ['2026-06-30', 1],
        ]),
      );
      expect(overdueOn(await kept(), '2026-04-01')).toBe(2);

      // A Save after it keeps it, and the summary right.
      await rate(store, 'EHC2', 'u-green', 'Green');
      expect((await store.actions.get('wsoa', 'EHC2'))?.value.agreedDue).toBe('2026-06-30');
      expect((await kept()).openByDue).toEqual(
        new Map([
          ['2026-03-31', 2],
          ['2026-06-30', 1],
        ]),
      );

      // A new plan with the same dates keeps it, in whichever workstream the action is now.
      const ehcActions = ['EHC1', 'EHC3'].map((ref) => action('wsoa', 'EHC', ref));
      await store.plans.replace({
        ...plan('wsoa', { EHC: [], A: [] }),
        actions: [...ehcActions, action('wsoa', 'A', 'EHC2'), action('wsoa', 'A', 'A1')],
      });
      expect((await store.actions.get('wsoa', 'EHC2'))?.value.agreedDue).toBe('2026-06-30');
      const a = await store.summaries.get('wsoa', 'A');
      expect(a?.summary).toEqual(await fromActions(store, 'wsoa', 'A'));
      expect(a?.summary.openByDue).toEqual(
        new Map([
          ['2026-03-31', 1],
          ['2026-06-30', 1],
        ]),
      );

      // A workbook that changes the dates it was agreed against overrules it.
      await store.plans.replace({
        ...plan('wsoa', { EHC: [], A: [] }),
        actions: [
          ...ehcActions,
          { ...action('wsoa', 'A', 'EHC2'), due: '2026-04-30' },
          action('wsoa', 'A', 'A1'),
        ],
      });
      const overruled = await store.actions.get('wsoa', 'EHC2');
      expect(overruled?.value.agreedDue).toBeUndefined();
      const after = await store.summaries.get('wsoa', 'A');
      expect(after?.summary).toEqual(await fromActions(store, 'wsoa', 'A'));
      expect(after?.summary.openByDue).toEqual(
        new Map([
          ['2026-03-31', 1],
          ['2026-04-30', 1],
        ]),
      );
      expect(
        (await store.actions.listByOwnerRoles('wsoa', ['ADES'])).find((f) => f.value.ref === 'EHC2')
          ?.value.agreedDue,
      ).toBeUndefined();
    });

    it('lists the actions a role owns with their latest status, following updates and new plans', async () => {
      await rate(store, 'EHC2', 'u-amber', 'Red');
      const mine = await store.actions.listByOwnerRoles('wsoa', ['ades']);
      expect(mine.map((found) => found.value.ref)).toEqual(['A1', 'EHC1', 'EHC2', 'EHC3']);
      const ehc2 = mine.find((found) => found.value.ref === 'EHC2');
      expect(ehc2?.value.current?.rating).toBe('Red');
      expect(ehc2?.etag).toBe((await store.actions.get('wsoa', 'EHC2'))?.etag);
      await store.plans.replace({
        ...plan('wsoa', { EHC: ['EHC1', 'EHC2'] }),
        actions: [
          action('wsoa', 'EHC', 'EHC1'),
          { ...action('wsoa', 'EHC', 'EHC2'), ownerRole: 'DCO' },
        ],
      });
      expect(
        (await store.actions.listByOwnerRoles('wsoa', ['ADES'])).map((f) => f.value.ref),
      ).toEqual(['EHC1']);
      const dco = await store.actions.listByOwnerRoles('wsoa', ['DCO', 'ADES']);
      expect(dco.map((found) => [found.value.ref, found.value.current?.rating ?? null])).toEqual([
        ['EHC1', 'Amber'],
        ['EHC2', 'Red'],
      ]);
    });
  });
}
