import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { plan, programme, role, update, type StoreFactory } from './fixtures.js';

export function planContract(createStore: StoreFactory): void {
  describe('plans, programmes and workstreams', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });

    it('keeps status history when the plan is replaced', async () => {
      await store.plans.replace(plan('wsoa', { A: ['A1', 'A2'] }));
      const read = await store.actions.get('wsoa', 'A1');
      await store.actions.recordUpdate(
        update('wsoa', 'A1', { id: 'u1', rating: 'Red' }),
        read?.etag ?? '',
      );
      const changed = plan('wsoa', { A: ['A1', 'A3'] });
      await store.plans.replace({
        ...changed,
        actions: changed.actions.map((a) => ({ ...a, title: `New ${a.ref}` })),
      });
      const after = await store.actions.get('wsoa', 'A1');
      expect(after?.value).toMatchObject({
        title: 'New A1',
        current: { updateId: 'u1', rating: 'Red' },
      });
      expect((await store.actions.history('wsoa', 'A1')).map((u) => u.id)).toEqual(['u1']);
      expect(await store.actions.get('wsoa', 'A2')).toBeNull();
      expect((await store.actions.listByWorkstream('wsoa', 'A')).map((a) => a.value.ref)).toEqual([
        'A1',
        'A3',
      ]);
    });

    it('keeps the status and history of an action moved to another workstream, once', async () => {
      await store.plans.replace(plan('wsoa', { A: ['A1', 'A2'], B: ['B1'] }));
      const read = await store.actions.get('wsoa', 'A1');
      await store.actions.recordUpdate(
        update('wsoa', 'A1', { id: 'u1', rating: 'Red' }),
        read?.etag ?? '',
      );
      const moved = plan('wsoa', { A: ['A2'], B: ['A1', 'B1'] });
      await store.plans.replace(moved);
      await store.plans.replace(moved);
      expect((await store.actions.get('wsoa', 'A1'))?.value).toMatchObject({
        workstream: 'B',
        current: { updateId: 'u1', rating: 'Red' },
      });
      expect((await store.actions.historyOfProgramme('wsoa')).map((u) => u.id)).toEqual(['u1']);
    });

    it("replaces the roles with the plan's, removing those it no longer has", async () => {
      await store.plans.replace(
        plan('wsoa', { A: ['A1'] }, { roles: [role('wsoa', 'OLD', 'old@example.org')] }),
      );
      const roles = [{ ...role('wsoa', 'ADES', 'new@example.org'), deputy: 'dep@example.org' }];
      await store.plans.replace(plan('wsoa', { A: ['A1'] }, { roles }));
      expect(await store.roles.list('wsoa')).toEqual(roles);
      expect(await store.roles.rolesOf('old@example.org')).toEqual([]);
      expect(await store.roles.rolesOf('dep@example.org')).toEqual([
        { programmeId: 'wsoa', role: 'ADES', as: 'deputy' },
      ]);
    });

    it('adds past ratings once, however often the same workbook is imported', async () => {
      const ratings = [
        update('wsoa', 'A1', { id: 'r-oct', rating: 'Amber', at: '2025-10-30T00:00:00.000Z' }),
        update('wsoa', 'A1', { id: 'r-jan', rating: 'Green', at: '2026-01-29T00:00:00.000Z' }),
      ];
      const withRatings = plan('wsoa', { A: ['A1'] }, { ratings });
      await store.plans.replace(withRatings);
      await store.plans.replace(withRatings);
      expect((await store.actions.history('wsoa', 'A1')).map((u) => u.id)).toEqual([
        'r-jan',
        'r-oct',
      ]);
      expect((await store.actions.get('wsoa', 'A1'))?.value.current?.updateId).toBe('r-jan');
    });

    it('replaces a plan bigger than one transaction as a whole', async () => {
      const refs = Array.from({ length: 230 }, (_, i) => `B${i + 1}`);
      await store.plans.replace(plan('big', { B: refs, C: ['C1'] }));
      expect(await store.actions.listByWorkstream('big', 'B')).toHaveLength(230);
      expect(await store.actions.listByOwnerRoles('big', ['ADES'])).toHaveLength(231);
      await store.plans.replace(plan('big', { B: refs.slice(0, 120) }));
      expect(await store.actions.listByWorkstream('big', 'B')).toHaveLength(120);
      expect(await store.actions.listByWorkstream('big', 'C')).toEqual([]);
      expect(await store.actions.listByProgramme('big')).toHaveLength(120);
    });

    it('lists workstreams in the plan’s order, not the alphabet’s, and finds them in any case', async () => {
      await store.plans.replace(plan('wsoa', { JC: ['JC1'], EHC: ['EHC1'], ID: ['ID1'] }));
      expect((await store.workstreams.list('wsoa')).map((w) => w.code)).toEqual([
        'JC',
        'EHC',
        'ID',
      ]);
      expect((await store.workstreams.get('wsoa', 'jc'))?.name).toBe('Workstream JC');
      expect(await store.workstreams.get('wsoa', 'ZZ')).toBeNull();
    });

    it('saves programme settings and lists programmes', async () => {
      await store.programmes.save(programme('beta'));
      await store.plans.replace(plan('alpha', { A: ['A1'] }));
      await store.programmes.save({ ...programme('alpha'), timeZone: 'Europe/Dublin' });
      expect((await store.programmes.get('alpha'))?.timeZone).toBe('Europe/Dublin');
      expect((await store.programmes.list()).map((p) => p.id)).toEqual(['alpha', 'beta']);
      expect(await store.actions.listByWorkstream('alpha', 'A')).toHaveLength(1);
      expect(await store.programmes.get('gamma')).toBeNull();
    });
  });
}
