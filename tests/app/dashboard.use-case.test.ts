import { describe, expect, it } from 'vitest';
import type { DashboardGrid, Viewer } from '../../src/app/dashboard.use-case.js';
import { RATING_COLOUR } from '../../src/domain/rating.js';
import { SAMPLE_PROGRAMME_ID } from '../support/sample-plan.js';
import { OTHER_PROGRAMME_ID, createSampleDashboard } from '../tab/sample-dashboard.js';

// Local use has no sign-in: the tab's routes make that viewer an admin.
const local: Viewer = { email: null, isAdmin: true };
const ades: Viewer = { email: 'ades@council.example', isAdmin: false };

async function grid(filters = {}, viewer: Viewer = local): Promise<DashboardGrid> {
  const { dashboard } = await createSampleDashboard();
  const result = await dashboard.grid(SAMPLE_PROGRAMME_ID, filters, viewer);
  if (!result.ok) throw new Error(`expected a grid, got ${result.code}`);
  return result.value;
}

describe('dashboard use case', () => {
  it('shows every action of the sample plan against every reporting period', async () => {
    const value = await grid();
    expect(value.rows.map((r) => r.ref)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
      'C1',
      'C2',
    ]);
    expect(value.periods.map((p) => p.id)).toContain('Jan 2021');
    expect(value.rows.every((r) => r.cells.length === value.periods.length)).toBe(true);
  });

  it('gives each cell its rating word and colour, and "Not yet rated" where nobody answered', async () => {
    const a5 = (await grid()).rows.find((r) => r.ref === 'A5');
    const cell = (period: string) => a5?.cells.find((c) => c.periodId === period);
    expect(cell('Jan 2020')).toMatchObject({ rating: 'Red', colour: RATING_COLOUR.Red });
    expect(cell('Jan 2021')).toMatchObject({ rating: 'Green', colour: RATING_COLOUR.Green });
    expect(cell('Oct 2019')).toMatchObject({ rating: 'Not yet rated' });
  });

  it('counts each action’s steps done and names the late ones, as the status cards do', async () => {
    const rows = (await grid()).rows;
    const a2 = rows.find((r) => r.ref === 'A2');
    // On 25 Jan 2021, with a), b) and g) ticked: h) (Nov 2019) and i) (Sept 2019) are late;
    // c), d) and f) fall due on 31 Jan 2021, so are not late yet.
    expect(a2?.steps).toEqual({
      done: 3,
      total: 9,
      late: [
        {
          letter: 'h',
          title: expect.stringContaining('preparing for adulthood meetings') as string,
          due: '2019-11-30',
        },
        {
          letter: 'i',
          title: 'Create new career action plans appropriate to different year groups',
          due: '2019-09-30',
        },
      ],
    });
    const b1 = rows.find((r) => r.ref === 'B1');
    expect([b1?.steps?.done, b1?.steps?.total]).toEqual([0, 3]);
  });

  it('shows the date a decider approved as the action’s due date', async () => {
    const { dashboard, store } = await createSampleDashboard();
    await store.actions.keepAgreedDue(SAMPLE_PROGRAMME_ID, 'C2', {
      requestId: 'r1',
      toDue: '2021-09-30',
      planDates: { due: '2020-07-31', revisedDue: null },
      decidedAt: '2021-01-12T15:00:00.000Z',
    });
    const result = await dashboard.grid(SAMPLE_PROGRAMME_ID, {}, local);
    if (!result.ok) throw new Error(result.code);
    expect(result.value.rows.find((r) => r.ref === 'C2')?.due).toBe('2021-09-30');
  });

  it('counts each rating per period for the trend chart', async () => {
    const jan2021 = (await grid()).trend.find((t) => t.periodId === 'Jan 2021');
    expect(jan2021?.counts).toEqual({ Blue: 2, Green: 3, Amber: 7, Red: 0, 'Not yet rated': 0 });
  });

  it('filters by workstream, owner and latest rating, and the trend follows the filter', async () => {
    expect((await grid({ workstream: 'b' })).rows.map((r) => r.ref)).toEqual([
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
    ]);
    const blue = await grid({ rating: 'Blue' });
    expect(blue.rows.map((r) => r.ref)).toEqual(['A3', 'A4']);
    expect(blue.totalActions).toBe(12);
    expect(blue.trend.find((t) => t.periodId === 'Jan 2021')?.counts.Blue).toBe(2);
    const owned = await grid({ owner: 'ADES' });
    expect(owned.rows.length).toBeGreaterThan(0);
    expect(owned.rows.every((r) => r.ownerRole === 'ADES')).toBe(true);
  });

  it('shows people only the programmes where they hold or deputise for a role', async () => {
    const { dashboard } = await createSampleDashboard();
    expect(await dashboard.programmesFor(ades)).toEqual([
      { id: SAMPLE_PROGRAMME_ID, name: expect.any(String) as string },
    ]);
    expect(await dashboard.grid(OTHER_PROGRAMME_ID, {}, ades)).toMatchObject({
      ok: false,
      code: 'PROGRAMME_NOT_FOUND',
    });
    const stranger = await dashboard.programmesFor({ email: 'x@y.example', isAdmin: false });
    expect(stranger).toEqual([]);
    const admin = await dashboard.programmesFor({ email: 'x@y.example', isAdmin: true });
    expect(admin.map((p) => p.id).sort()).toEqual([OTHER_PROGRAMME_ID, SAMPLE_PROGRAMME_ID].sort());
  });
});
