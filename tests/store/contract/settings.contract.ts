import { beforeEach, describe, expect, it } from 'vitest';
import { createUpdateUseCase, type UpdateSubmission } from '../../../src/app/update.use-case.js';
import type { Programme } from '../../../src/domain/programme.js';
import type { Store } from '../../../src/store/store.js';
import { plan, programme, type StoreFactory } from './fixtures.js';

const owner = { email: 'ades@example.org', isAdmin: false };
const NOW = new Date('2026-04-10T10:00:00.000Z');
const TODAY = '2026-04-10';

/** The fixture's calendar with an April period added, so an update today has a period. */
const withApril = (base: Programme): Programme => ({
  ...base,
  timeZone: 'America/New_York',
  periods: [...base.periods, { id: 'Apr 2026', closes: '2026-04-30', boardMeeting: null }],
});

/**
 * A Save takes the programme's settings (periods, time zone) from its own reads, not only from
 * a read of the programme; whatever store it runs on, a change saved just before must count.
 */
export function settingsContract(createStore: StoreFactory): void {
  describe('the programme a Save works with', () => {
    let store: Store;

    beforeEach(async () => {
      store = await createStore();
      await store.plans.replace(plan('wsoa', { A: ['A1'], B: ['B1'] }));
    });

    /** The form's read, then the Save's reads and the Save itself, as the bot makes them. */
    async function save(ref: string, periodId: string, note: string) {
      const update = createUpdateUseCase(store);
      const drawn = await store.actions.get('wsoa', ref);
      const hints = { ref, ownerRole: 'ADES', ...(drawn?.aim ? { aim: drawn.aim } : {}) };
      const reads = await update.readForSave('wsoa', hints, owner);
      if (!reads.programme) throw new Error('The Save found no programme');
      const submission: UpdateSubmission = {
        ref,
        periodId,
        etag: drawn?.etag ?? '',
        ...(drawn?.aim ? { aim: drawn.aim } : {}),
        rating: 'Green',
        note,
        evidence: null,
        proposedDue: null,
        source: 'card',
      };
      const outcome = await update.submit(reads.programme, submission, owner, NOW, TODAY, reads);
      return { reads, outcome };
    }

    it('counts a period added just before the Save, and one taken away just before the next', async () => {
      const before = await save('A1', 'Apr 2026', 'Before April was in the calendar');
      expect(before.outcome).toMatchObject({ ok: false, code: 'PERIOD_CLOSED' });

      const april = withApril(programme('wsoa'));
      await store.programmes.save(april);
      const saved = await save('A1', 'Apr 2026', 'April is open');
      expect(saved.reads.programme).toEqual(april);
      expect(saved.outcome).toMatchObject({ ok: true, update: { periodId: 'Apr 2026' } });

      await store.programmes.save(programme('wsoa'));
      const after = await save('A1', 'Apr 2026', 'April was taken away');
      expect(after.reads.programme).toEqual(programme('wsoa'));
      expect(after.outcome).toMatchObject({ ok: false, code: 'PERIOD_CLOSED' });
      expect((await store.actions.get('wsoa', 'A1'))?.value.current?.note).toBe('April is open');
    });

    it('counts a time zone changed in every workstream, saved twice in a row', async () => {
      await store.programmes.save({ ...withApril(programme('wsoa')), timeZone: 'Asia/Tokyo' });
      const april = withApril(programme('wsoa'));
      await store.programmes.save(april);
      for (const ref of ['A1', 'B1']) {
        const { reads, outcome } = await save(ref, 'Apr 2026', `${ref} in April`);
        expect(reads.programme?.timeZone).toBe('America/New_York');
        expect(outcome.ok).toBe(true);
      }
    });

    it('counts the calendar a plan import brings', async () => {
      await store.programmes.save(withApril(programme('wsoa')));
      expect((await save('A1', 'Apr 2026', 'April is open')).outcome.ok).toBe(true);
      // The workbook's calendar has no April: the import replaces the programme's.
      await store.plans.replace(plan('wsoa', { A: ['A1'], B: ['B1'] }));
      const after = await save('A1', 'Apr 2026', 'After the import');
      expect(after.reads.programme).toEqual(programme('wsoa'));
      expect(after.outcome).toMatchObject({ ok: false, code: 'PERIOD_CLOSED' });
    });
  });
}
