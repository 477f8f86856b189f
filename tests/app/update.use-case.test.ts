import { beforeEach, describe, expect, it } from 'vitest';
import {
  openUpdateForm,
  submitUpdate,
  type UpdateSubmission,
} from '../../src/app/update.use-case.js';
import type { Programme } from '../../src/domain/programme.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { seedSamplePlan } from './seed-sample.js';

const TODAY = '2021-03-01';
const NOW = new Date('2021-03-01T10:42:00Z');
const owner = { email: 'sles@council.example', isAdmin: false };
let store: Store;
let programme: Programme;

beforeEach(async () => {
  store = createMemoryStore();
  programme = (await seedSamplePlan(store)).programme;
});

async function formFor(ref: string) {
  const form = await openUpdateForm(store, programme, ref, owner, TODAY);
  if (!form.ok) throw new Error(`expected a form, got ${form.code}`);
  return form;
}

async function submission(overrides: Partial<UpdateSubmission> = {}): Promise<UpdateSubmission> {
  const form = await formFor('A2');
  return {
    ref: 'A2',
    periodId: form.period.id,
    etag: form.action.etag,
    rating: 'Amber',
    note: 'Two posts still vacant.',
    evidence: null,
    proposedDue: null,
    source: 'card',
    ...overrides,
  };
}

describe('update use case', () => {
  it('opens the form in the first period that closes today or later', async () => {
    const form = await formFor('a2');
    expect(form.period.id).toBe('Apr 2021');
    expect(form.action.value.ref).toBe('A2');
  });

  it('records an owner update and makes it the current rating', async () => {
    const outcome = await submitUpdate(store, programme, await submission(), owner, NOW, TODAY);
    expect(outcome.ok).toBe(true);
    const action = await store.actions.get(programme.id, 'A2');
    expect(action?.value.current).toMatchObject({
      rating: 'Amber',
      periodId: 'Apr 2021',
      by: 'sles@council.example',
      at: NOW.toISOString(),
    });
  });

  it('lets the deputy and an admin update, and refuses anyone else', async () => {
    const deputy = { email: 'slsesend@council.example', isAdmin: false };
    const admin = { email: 'admin@council.example', isAdmin: true };
    const stranger = { email: 'dco@ccg.example', isAdmin: false };
    expect((await openUpdateForm(store, programme, 'A1', deputy, TODAY)).ok).toBe(true);
    expect((await openUpdateForm(store, programme, 'A1', admin, TODAY)).ok).toBe(true);
    const refused = await openUpdateForm(store, programme, 'A1', stranger, TODAY);
    expect(refused).toMatchObject({ ok: false, code: 'NOT_OWNER', ownerRole: { code: 'ADES' } });
    const submitted = await submitUpdate(
      store,
      programme,
      await submission(),
      stranger,
      NOW,
      TODAY,
    );
    expect(submitted).toMatchObject({ ok: false, code: 'NOT_OWNER' });
  });

  it('returns the domain problems and records nothing when the update is not valid', async () => {
    const outcome = await submitUpdate(
      store,
      programme,
      await submission({ rating: 'Red', note: '  ' }),
      owner,
      NOW,
      TODAY,
    );
    expect(outcome).toMatchObject({
      ok: false,
      code: 'INVALID_UPDATE',
      problems: [{ field: 'note' }],
    });
    expect((await store.actions.get(programme.id, 'A2'))?.value.current?.periodId).toBe('Jan 2021');
  });

  it('says a card is stale when someone updated the action after it was rendered', async () => {
    const old = await submission();
    await submitUpdate(store, programme, { ...old, rating: 'Green', note: '' }, owner, NOW, TODAY);
    const outcome = await submitUpdate(store, programme, old, owner, NOW, TODAY);
    expect(outcome).toMatchObject({ ok: false, code: 'STALE_UPDATE' });
    if (!outcome.ok && outcome.code === 'STALE_UPDATE') {
      expect(outcome.current.value.current?.rating).toBe('Green');
      const again = await submitUpdate(
        store,
        programme,
        { ...old, etag: outcome.current.etag },
        owner,
        NOW,
        TODAY,
      );
      expect(again.ok).toBe(true);
    }
  });

  it('refuses a period that has closed and suggests refs for an unknown action', async () => {
    const closed = await submitUpdate(
      store,
      programme,
      await submission({ periodId: 'Jan 2021' }),
      owner,
      NOW,
      TODAY,
    );
    expect(closed).toMatchObject({ ok: false, code: 'PERIOD_CLOSED', periodId: 'Jan 2021' });
    const unknown = await submitUpdate(
      store,
      programme,
      await submission({ ref: 'A9' }),
      owner,
      NOW,
      TODAY,
    );
    expect(unknown).toMatchObject({ ok: false, code: 'ACTION_NOT_FOUND', ref: 'A9' });
  });

  it('has no period to offer once the calendar has ended', async () => {
    const form = await openUpdateForm(store, programme, 'A2', owner, '2021-08-01');
    expect(form).toMatchObject({ ok: false, code: 'PERIOD_CLOSED', periodId: null });
  });
});
