import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { readCsvWorkbook } from '../../../src/app/import/read-csv.js';
import { generatePlanWorkbook, LARGE_PLAN } from '../../fixtures/generate-plan-workbook.js';

describe('a generated 1,000-action workbook', () => {
  it('is valid, with every action, step and past rating read', () => {
    const parsed = parsePlan(
      readCsvWorkbook(generatePlanWorkbook({ ...LARGE_PLAN, variant: 'one' })),
      {
        id: 'big',
        name: 'Big programme',
      },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
    expect(parsed.plan.actions).toHaveLength(1000);
    expect(parsed.plan.actions.reduce((n, a) => n + a.steps.length, 0)).toBe(5000);
    expect(parsed.plan.ratings).toHaveLength(2000);
  });
});
