import { beforeEach, describe, expect, it } from 'vitest';
import { listMyActions } from '../../src/app/mine.use-case.js';
import { listOverdueActions } from '../../src/app/overdue.use-case.js';
import { getProgrammeStatus, lookUpStatus } from '../../src/app/status.use-case.js';
import { isOverdue } from '../../src/domain/action-facts.js';
import type { Programme } from '../../src/domain/programme.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { seedSamplePlan } from './seed-sample.js';

const TODAY = '2021-03-01';
let store: Store;
let programme: Programme;

beforeEach(async () => {
  store = createMemoryStore();
  programme = (await seedSamplePlan(store)).programme;
});

describe('status use case', () => {
  it('counts every workstream by its actions latest ratings', async () => {
    const status = await getProgrammeStatus(store, programme, TODAY);
    expect(status.workstreams.map((w) => w.code)).toEqual(['A', 'B', 'C']);
    expect(status.workstreams[0]?.counts).toEqual({
      Blue: 2,
      Green: 2,
      Amber: 1,
      Red: 0,
      'Not yet rated': 0,
    });
    expect(status.workstreams[1]?.counts.Amber).toBe(5);
    expect(status.total).toBe(12);
  });

  it('counts overdue and not reported per workstream as the actions themselves say', async () => {
    const status = await getProgrammeStatus(store, programme, TODAY);
    const actions = (await store.actions.listByProgramme(programme.id)).map((a) => a.value);
    for (const ws of status.workstreams) {
      const own = actions.filter((a) => a.workstream === ws.code);
      expect(ws.overdue).toBe(own.filter((a) => isOverdue(a, TODAY)).length);
      expect(ws.notReported).toBe(own.filter((a) => a.current?.periodId !== 'Apr 2021').length);
    }
    expect(status.period).toEqual({ id: 'Apr 2021', closes: '2021-04-23' });
    expect(status.overdue).toBe(actions.filter((a) => isOverdue(a, TODAY)).length);
    expect(status.notReported).toBe(12);
  });

  it('moves an action out of not reported and overdue when its owner rates it Blue', async () => {
    const before = await getProgrammeStatus(store, programme, TODAY);
    const late = (await store.actions.listByProgramme(programme.id)).find(
      (a) => isOverdue(a.value, TODAY) && a.value.workstream === 'B',
    );
    if (!late) throw new Error('The sample has an overdue action in B');
    const recorded = await store.actions.recordUpdate(
      {
        id: 'u-blue',
        programmeId: programme.id,
        ref: late.value.ref,
        periodId: 'Apr 2021',
        rating: 'Blue',
        note: 'Done',
        evidence: 'Audit',
        proposedDue: null,
        rolledOver: false,
        by: 'owner@council.example',
        at: '2021-03-01T10:00:00.000Z',
        source: 'card',
      },
      late.etag,
    );
    expect(recorded.ok).toBe(true);
    const after = await getProgrammeStatus(store, programme, TODAY);
    const b = (status: typeof after) => status.workstreams.find((w) => w.code === 'B');
    expect(b(after)?.overdue).toBe((b(before)?.overdue ?? 0) - 1);
    expect(b(after)?.notReported).toBe((b(before)?.notReported ?? 0) - 1);
    expect(b(after)?.counts.Blue).toBe((b(before)?.counts.Blue ?? 0) + 1);
    expect(after.totals.Blue).toBe(before.totals.Blue + 1);
  });

  it('reads a word as a workstream code first, in any case', async () => {
    const found = await lookUpStatus(store, programme, 'c', TODAY);
    expect(found.ok && found.kind).toBe('workstream');
    if (found.ok && found.kind === 'workstream') {
      expect(found.value.actions.map((a) => a.ref)).toEqual(['C1', 'C2']);
    }
  });

  it('reads a word that is not a workstream as an action reference', async () => {
    const found = await lookUpStatus(store, programme, 'a5', TODAY);
    expect(found.ok && found.kind).toBe('action');
    if (found.ok && found.kind === 'action') {
      const byPeriod = Object.fromEntries(found.value.ratings.map((r) => [r.periodId, r.rating]));
      expect(byPeriod).toMatchObject({
        'Jan 2020': 'Red',
        'Jan 2021': 'Green',
        'Apr 2021': 'Not yet rated',
      });
      expect(found.value.ratings.map((r) => r.periodId)).not.toContain('Jul 2021');
      expect(found.value.latestNotes[0]?.periodId).toBe('Jan 2021');
    }
  });

  it('suggests the nearest codes and references for a word it does not know', async () => {
    const found = await lookUpStatus(store, programme, 'A22', TODAY);
    expect(found).toEqual({ ok: false, code: 'NOT_FOUND', typed: 'A22', suggestions: ['A2'] });
  });
});

describe('an action’s history', () => {
  it('starts at the action’s first rated period, not the calendar’s first', async () => {
    const c2 = await lookUpStatus(store, programme, 'C2', TODAY);
    if (!c2.ok || c2.kind !== 'action') throw new Error('C2 is in the sample');
    expect(c2.value.ratings).toEqual([
      { periodId: 'Jan 2021', rating: 'Amber' },
      { periodId: 'Apr 2021', rating: 'Not yet rated' },
    ]);
  });

  it('keeps the periods between two ratings, each as the digest counts it', async () => {
    const a5 = await lookUpStatus(store, programme, 'A5', TODAY);
    if (!a5.ok || a5.kind !== 'action') throw new Error('A5 is in the sample');
    expect(a5.value.ratings.map((r) => `${r.periodId} ${r.rating}`)).toEqual([
      'Jan 2020 Red',
      'Apr 2020 Not yet rated',
      'Jul 2020 Not yet rated',
      'Oct 2020 Not yet rated',
      'Jan 2021 Green',
      'Apr 2021 Not yet rated',
    ]);
  });
});

describe('mine use case', () => {
  it('lists the actions of the roles a person holds and deputises for', async () => {
    // slsesend@ holds SLSESEND and deputises for ADES.
    const mine = await listMyActions(store, programme, 'SLSESEND@council.example', TODAY);
    expect(mine.roles).toEqual(
      expect.arrayContaining([
        { code: 'SLSESEND', as: 'person' },
        { code: 'ADES', as: 'deputy' },
      ]),
    );
    expect(mine.actions.map((a) => a.ref).sort()).toEqual(['A1', 'A3', 'A4', 'C1', 'C2']);
  });

  it('puts first what still needs a rating for the open period and by when; Blue ones are done', async () => {
    const mine = await listMyActions(store, programme, 'slsesend@council.example', TODAY);
    expect(mine.period).toEqual({ id: 'Apr 2021', closes: '2021-04-23' });
    // A1, C1 and C2 were rated in January; A3 and A4 are Blue.
    expect(mine.toAnswer.map((a) => a.ref).sort()).toEqual(['A1', 'C1', 'C2']);
    expect(mine.others.map((a) => a.ref).sort()).toEqual(['A3', 'A4']);
  });

  it('asks for nothing once the calendar’s last period has closed', async () => {
    const mine = await listMyActions(store, programme, 'slsesend@council.example', '2021-08-01');
    expect(mine.period).toBeNull();
    expect(mine.toAnswer).toEqual([]);
    expect(mine.others).toHaveLength(5);
  });

  it('finds nothing for someone who holds no role', async () => {
    const mine = await listMyActions(store, programme, 'visitor@elsewhere.example', TODAY);
    expect(mine.roles).toEqual([]);
    expect(mine.actions).toEqual([]);
  });
});

describe('overdue use case', () => {
  it('lists actions past their due date that are not Blue, longest overdue first', async () => {
    const overdue = await listOverdueActions(store, programme, TODAY);
    const refs = overdue.actions.map((a) => a.ref);
    expect(refs).not.toContain('A3');
    expect(refs).not.toContain('A1');
    expect(overdue.actions.every((a) => a.overdue && a.rating !== 'Blue')).toBe(true);
    const dues = overdue.actions.map((a) => a.due ?? '');
    expect(dues).toEqual([...dues].sort());
  });
});
