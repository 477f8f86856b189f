import { beforeEach, describe, expect, it } from 'vitest';
import { defaultGovernance } from '../../../src/domain/deciders.js';
import type { Store } from '../../../src/store/store.js';
import { plan, programme, role, update, type StoreFactory } from './fixtures.js';

const link = (conversationKey: string, programmeId: string) => ({
  conversationKey,
  programmeId,
  board: true,
  linkedBy: 'admin@example.org',
  linkedAt: '2026-01-02T09:00:00.000Z',
});

/** The leader re-plans a programme only when its mark moves: each change must move it. */
export function scheduleMarksContract(createStore: StoreFactory): void {
  describe('schedule marks', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
      await store.plans.replace(plan('wsoa', { EHC: ['EHC1', 'EHC2'], A: ['A1'] }));
      await store.plans.replace(plan('other', { B: ['B1'] }));
    });

    /** Whether `change` moves the mark of wsoa, and that the mark is steady otherwise. */
    const moves = async (change: () => Promise<unknown>): Promise<boolean> => {
      const before = await store.scheduleMarks.read('wsoa');
      expect(await store.scheduleMarks.read('WSOA')).toBe(before);
      await change();
      return (await store.scheduleMarks.read('wsoa')) !== before;
    };

    it('stays the same while nothing changes, and for another programme’s changes', async () => {
      expect(await moves(() => Promise.resolve())).toBe(false);
      const b1 = await store.actions.get('other', 'B1');
      expect(
        await moves(() =>
          store.actions.recordUpdate(update('other', 'B1', { id: 'o1' }), b1?.etag ?? ''),
        ),
      ).toBe(false);
      expect(await moves(() => store.roles.save(role('other', 'ADES', 'x@example.org')))).toBe(
        false,
      );
    });

    it('moves with every Save of a rating', async () => {
      const a1 = await store.actions.get('wsoa', 'A1');
      const first = update('wsoa', 'A1', { id: 'u1' });
      expect(await moves(() => store.actions.recordUpdate(first, a1?.etag ?? ''))).toBe(true);
      const again = await store.actions.get('wsoa', 'A1');
      const second = update('wsoa', 'A1', { id: 'u2', at: '2026-01-21T10:00:00.000Z' });
      expect(await moves(() => store.actions.recordUpdate(second, again?.etag ?? ''))).toBe(true);
    });

    it('moves with a date a decider approved, which changes when the chases fall', async () => {
      const agreed = {
        requestId: 'r1',
        toDue: '2026-06-30',
        planDates: { due: '2026-03-31', revisedDue: null },
        decidedAt: '2026-02-01T10:00:00.000Z',
      };
      expect(await moves(() => store.actions.keepAgreedDue('wsoa', 'EHC1', agreed))).toBe(true);
    });

    it('moves with a plan import, the programme’s settings, a role, governance and board channels', async () => {
      expect(await moves(() => store.plans.replace(plan('wsoa', { EHC: ['EHC1'] })))).toBe(true);
      const renamed = { ...programme('wsoa'), name: 'Renamed' };
      expect(await moves(() => store.programmes.save(renamed))).toBe(true);
      expect(await moves(() => store.roles.save(role('wsoa', 'DCO', 'dco@example.org')))).toBe(
        true,
      );
      const signOff = { ...defaultGovernance('wsoa'), signOff: true };
      expect(await moves(() => store.governance.save(signOff))).toBe(true);
      expect(await moves(() => store.links.save(link('board-chat', 'wsoa')))).toBe(true);
      expect(await moves(() => store.links.remove('board-chat'))).toBe(true);
    });

    it('moves when touched, as someone going away does', async () => {
      expect(await moves(() => store.scheduleMarks.touch('WSOA'))).toBe(true);
    });
  });
}
