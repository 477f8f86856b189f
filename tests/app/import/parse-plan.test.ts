import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { readXlsxWorkbook } from '../../../src/app/import/read-xlsx.js';
import type { Plan } from '../../../src/store/plan.repository.js';
import { readFixture, xlsxFromFolder } from './plan-workbooks.js';

const identity = { id: 'wsoa', name: 'Thurrock SEND Written Statement of Action' };

function counts(plan: Plan): Record<string, number> {
  return {
    workstreams: plan.workstreams.length,
    actions: plan.actions.length,
    steps: plan.actions.reduce((sum, action) => sum + action.steps.length, 0),
    roles: plan.roles.length,
    periods: plan.programme.periods.length,
    ratings: plan.ratings.length,
  };
}

const SAMPLE_COUNTS = {
  workstreams: 3,
  actions: 12,
  steps: 60,
  roles: 11,
  periods: 8,
  ratings: 13,
};

function planOf(result: ReturnType<typeof parsePlan>): Plan {
  if (!result.ok) throw new Error(`Expected a plan, got ${JSON.stringify(result.problems)}`);
  return result.plan;
}

describe('reading the plan workbook', () => {
  it('reads the sample plan from CSV files into 3 workstreams, 12 actions, 60 steps, 11 roles, 8 periods and 13 ratings', async () => {
    const plan = planOf(parsePlan(await readFixture('sample'), identity));
    expect(counts(plan)).toEqual(SAMPLE_COUNTS);
  });

  it('reads the same plan from an xlsx workbook built from those CSV files', async () => {
    const fromCsv = planOf(parsePlan(await readFixture('sample'), identity));
    const fromXlsx = planOf(
      parsePlan(await readXlsxWorkbook(await xlsxFromFolder('sample')), identity),
    );
    expect(counts(fromXlsx)).toEqual(SAMPLE_COUNTS);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it('reads month-and-year dates as the last day of the month, and keeps revised dates beside the originals', async () => {
    const plan = planOf(parsePlan(await readFixture('sample'), identity));
    const a2 = plan.actions.find((action) => action.ref === 'A2');
    const stepC = a2?.steps.find((step) => step.letter === 'c');
    expect(stepC).toMatchObject({ due: '2020-01-31', revisedDue: '2021-01-31' });
    expect(plan.actions.find((action) => action.ref === 'A1')?.due).toBe('Ongoing');
    expect(a2?.contributors).toEqual([
      'Post 16 team',
      'South Essex College',
      'Thurrock Adult Community College',
    ]);
  });

  it('turns past ratings into imported updates dated on the period’s closing day', async () => {
    const plan = planOf(parsePlan(await readFixture('sample'), identity));
    expect(
      plan.ratings.find((update) => update.ref === 'A5' && update.periodId === 'Jan 2020'),
    ).toEqual({
      id: 'import|wsoa|A5|Jan 2020',
      programmeId: 'wsoa',
      ref: 'A5',
      periodId: 'Jan 2020',
      rating: 'Red',
      note: 'Not delivered against the original timescale of March 2020.',
      evidence: null,
      proposedDue: null,
      rolledOver: false,
      by: 'import',
      at: '2020-01-24T12:00:00.000Z',
      source: 'import',
    });
  });

  it('gives the programme the London time zone and the default reporting rules', async () => {
    const plan = planOf(parsePlan(await readFixture('sample'), identity));
    expect(plan.programme).toMatchObject({ id: 'wsoa', timeZone: 'Europe/London' });
    expect(plan.programme.rules.firstPromptWorkingDays).toBe(10);
  });
});
