import { beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import type { Store } from '../../../src/store/store.js';
import { action, AWKWARD, plan, update, type StoreFactory } from './fixtures.js';

export function actionContract(createStore: StoreFactory): void {
  describe('actions', () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
      await store.plans.replace(plan('wsoa', { EHC: ['EHC10', 'EHC2', 'EHC1'], A: ['A1'] }));
    });

    it('lists one workstream in plan order, A2 before A10, whatever the case asked', async () => {
      const listed = await store.actions.listByWorkstream('wsoa', 'ehc');
      expect(listed.map((a) => a.value.ref)).toEqual(['EHC1', 'EHC2', 'EHC10']);
      expect(listed[0]?.value.current).toBeNull();
      expect(await store.actions.listByWorkstream('wsoa', 'ZZ')).toEqual([]);
      expect(await store.actions.listByWorkstream('no-such-programme', 'EHC')).toEqual([]);
    });

    it('finds an action by its reference in any case, with its steps', async () => {
      const found = await store.actions.get('wsoa', 'ehc2');
      expect(found?.value.ref).toBe('EHC2');
      expect(found?.value.steps).toEqual(action('wsoa', 'EHC', 'EHC2').steps);
      expect(await store.actions.get('wsoa', 'EHC99')).toBeNull();
    });

    it('lists every reference of the active plan as spelled, A2 before A10, for "did you mean"', async () => {
      expect(await store.actions.listRefs('wsoa')).toEqual(['A1', 'EHC1', 'EHC2', 'EHC10']);
      await store.plans.replace(plan('wsoa', { B: ['b2', 'B10'] }));
      expect(await store.actions.listRefs('wsoa')).toEqual(['b2', 'B10']);
      expect(await store.actions.listRefs('no-such-programme')).toEqual([]);
    });

    it('records an update as the current status and the newest history row', async () => {
      const before = await store.actions.get('wsoa', 'A1');
      const first = update('wsoa', 'A1', { id: 'u1', rating: 'Amber', note: 'Late' });
      const result = await store.actions.recordUpdate(first, before?.etag ?? '');
      expect(result.ok && result.action.value.current?.rating).toBe('Amber');
      const after = await store.actions.get('wsoa', 'A1');
      expect(after?.value.current).toMatchObject({ updateId: 'u1', rating: 'Amber', note: 'Late' });
      expect(after?.etag).not.toBe(before?.etag);
      const second = update('wsoa', 'A1', { id: 'u2', at: '2026-01-21T09:00:00.000Z' });
      await store.actions.recordUpdate(second, after?.etag ?? '');
      expect((await store.actions.history('wsoa', 'a1')).map((u) => u.id)).toEqual(['u2', 'u1']);
      expect((await store.actions.historyOfProgramme('wsoa')).map((u) => u.id)).toEqual([
        'u2',
        'u1',
      ]);
    });

    it('reads an action with its own history, newest first, in any case; null when not in the plan', async () => {
      const one = await store.actions.get('wsoa', 'EHC1');
      await store.actions.recordUpdate(
        update('wsoa', 'EHC1', { id: 'u1', rating: 'Red', note: 'Stuck' }),
        one?.etag ?? '',
      );
      const ten = await store.actions.get('wsoa', 'EHC10');
      await store.actions.recordUpdate(update('wsoa', 'EHC10', { id: 'other' }), ten?.etag ?? '');
      const rated = await store.actions.get('wsoa', 'EHC1');
      const later = { id: 'u2', rating: 'Green' as const, at: '2026-01-21T09:00:00.000Z' };
      await store.actions.recordUpdate(update('wsoa', 'EHC1', later), rated?.etag ?? '');

      const found = await store.actions.withHistory('wsoa', 'ehc1');
      const alone = await store.actions.get('wsoa', 'EHC1');
      expect(found?.action).toEqual({ value: alone?.value, etag: alone?.etag });
      expect(found?.action.value.current).toMatchObject({ updateId: 'u2', rating: 'Green' });
      expect(found?.history.map((u) => u.id)).toEqual(['u2', 'u1']);
      expect(found?.history[1]).toMatchObject({ rating: 'Red', note: 'Stuck' });
      expect((await store.actions.withHistory('wsoa', 'EHC2'))?.history).toEqual([]);
      expect(await store.actions.withHistory('wsoa', 'EHC99')).toBeNull();
      expect(await store.actions.withHistory('no-such-programme', 'EHC1')).toBeNull();
    });

    it('lets exactly one of two concurrent updates win; the other is told it is stale', async () => {
      const read = await store.actions.get('wsoa', 'EHC1');
      const etag = read?.etag ?? '';
      const results = await Promise.all([
        store.actions.recordUpdate(update('wsoa', 'EHC1', { id: 'red', rating: 'Red' }), etag),
        store.actions.recordUpdate(update('wsoa', 'EHC1', { id: 'blue', rating: 'Blue' }), etag),
      ]);
      const winners = results.filter((r) => r.ok);
      const losers = results.flatMap((r) => (!r.ok && r.code === 'STALE_UPDATE' ? [r] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const winner = winners[0]?.ok ? winners[0].action.value.current?.updateId : undefined;
      expect(losers[0]?.current.value.current?.updateId).toBe(winner);
      expect((await store.actions.history('wsoa', 'EHC1')).map((u) => u.id)).toEqual([winner]);
    });

    it('never overwrites with a stale ETag, even later', async () => {
      const read = await store.actions.get('wsoa', 'A1');
      await store.actions.recordUpdate(update('wsoa', 'A1', { id: 'u1' }), read?.etag ?? '');
      const stale = await store.actions.recordUpdate(
        update('wsoa', 'A1', { id: 'u2', rating: 'Red' }),
        read?.etag ?? '',
      );
      expect(stale).toMatchObject({ ok: false, code: 'STALE_UPDATE' });
      expect((await store.actions.get('wsoa', 'A1'))?.value.current?.updateId).toBe('u1');
    });

    it.each(['*', 'W/"anything"', ''])(
      'treats the ETag %j as stale once the action has a status: it is no version this store wrote',
      async (etag) => {
        const read = await store.actions.get('wsoa', 'A1');
        await store.actions.recordUpdate(update('wsoa', 'A1', { id: 'u1' }), read?.etag ?? '');
        const forged = await store.actions.recordUpdate(
          update('wsoa', 'A1', { id: 'u2', rating: 'Red' }),
          etag,
        );
        expect(forged).toMatchObject({ ok: false, code: 'STALE_UPDATE' });
        expect((await store.actions.get('wsoa', 'A1'))?.value.current?.updateId).toBe('u1');
      },
    );

    it('says ACTION_NOT_FOUND for a reference the plan does not have', async () => {
      const result = await store.actions.recordUpdate(update('wsoa', 'Z9', { id: 'z' }), 'any');
      expect(result).toEqual({ ok: false, code: 'ACTION_NOT_FOUND' });
    });

    it('lists the actions of the roles a person holds, whatever the case', async () => {
      const mine = await store.actions.listByOwnerRoles('wsoa', ['ades']);
      expect(mine.map((a) => a.value.ref)).toEqual(['A1', 'EHC1', 'EHC2', 'EHC10']);
      expect(await store.actions.listByOwnerRoles('wsoa', ['NOBODY'])).toEqual([]);
      expect((await store.actions.listByProgramme('wsoa')).map((a) => a.value.ref)).toEqual([
        'A1',
        'EHC1',
        'EHC2',
        'EHC10',
      ]);
    });

    it('refuses a 70 KB note clearly and writes nothing', async () => {
      const read = await store.actions.get('wsoa', 'A1');
      const long = update('wsoa', 'A1', { id: 'long', note: 'n'.repeat(70_000) });
      const refused = store.actions.recordUpdate(long, read?.etag ?? '');
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      await expect(refused).rejects.toMatchObject({
        code: 'TOO_LARGE',
        details: { field: 'note', limit: 32_768 },
      });
      expect(await store.actions.history('wsoa', 'A1')).toEqual([]);
    });

    it('keeps references, workstreams and roles with awkward characters whole', async () => {
      const ref = `R${AWKWARD}`;
      const awkward = { ...action('odd', `W${AWKWARD}`, ref), ownerRole: `O${AWKWARD}` };
      await store.plans.replace({ ...plan('odd', {}), actions: [awkward] });
      expect((await store.actions.get('odd', ref.toLowerCase()))?.value).toEqual(awkward);
      const listed = await store.actions.listByWorkstream('odd', `W${AWKWARD}`);
      expect(listed.map((a) => a.value.ref)).toEqual([ref]);
      const mine = await store.actions.listByOwnerRoles('odd', [`O${AWKWARD}`]);
      expect(mine.map((a) => a.value.ref)).toEqual([ref]);
      const read = await store.actions.get('odd', ref);
      await store.actions.recordUpdate(update('odd', ref, { id: `u${AWKWARD}` }), read?.etag ?? '');
      expect((await store.actions.history('odd', ref)).map((u) => u.id)).toEqual([`u${AWKWARD}`]);
    });

    it('keeps steps longer than one property allows, whole', async () => {
      const steps = Array.from({ length: 40 }, (_, i) => ({
        letter: String.fromCharCode(97 + (i % 26)),
        title: `${i} `.padEnd(2_000, 'x'),
        ownerRole: null,
        due: null,
        revisedDue: null,
      }));
      const long = { ...action('wsoa', 'A', 'A7'), steps, outcomes: 'o'.repeat(40_000) };
      await store.plans.replace({ ...plan('wsoa', { A: [] }), actions: [long] });
      expect((await store.actions.get('wsoa', 'A7'))?.value).toEqual(long);
    });

    it('lists a workstream whose text is too long to list in one row', async () => {
      const long = ['A7', 'A8', 'A9'].map((ref) => ({
        ...action('wsoa', 'A', ref),
        outcomes: `${ref} `.padEnd(150_000, 'o'),
      }));
      await store.plans.replace({ ...plan('wsoa', { A: [] }), actions: long });
      expect((await store.actions.listByWorkstream('wsoa', 'A')).map((a) => a.value)).toEqual(long);
    });

    it('refuses an action too big for one row, and keeps the plan it had', async () => {
      const huge = { ...action('wsoa', 'A', 'A8'), outcomes: 'o'.repeat(600_000) };
      const refused = store.plans.replace({ ...plan('wsoa', { A: [] }), actions: [huge] });
      await expect(refused).rejects.toMatchObject({
        code: 'TOO_LARGE',
        details: { field: 'action' },
      });
      expect(await store.actions.listByWorkstream('wsoa', 'A')).toHaveLength(1);
    });
  });
}
