import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../src/cards/import/problem-text.js';
import { ADMIN, importHarness, snapshot } from './import-harness.js';
import { PLAN_WORKBOOKS, readFixture } from './plan-workbooks.js';

interface ExpectedProblem {
  readonly code: string;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
}

const broken = readdirSync(join(PLAN_WORKBOOKS, 'broken')).sort();

function expectedProblems(name: string): ExpectedProblem[] {
  const file = join(PLAN_WORKBOOKS, 'broken', name, 'expected-problems.json');
  return JSON.parse(readFileSync(file, 'utf8')) as ExpectedProblem[];
}

describe('importing a broken workbook', () => {
  it.each(broken)(
    'reports every problem in broken/%s at its sheet, row and column',
    async (name) => {
      const { importer } = importHarness();
      const result = await importer.preview({
        actor: ADMIN,
        workbook: await readFixture(`broken/${name}`),
        programmeId: 'small',
      });
      if (result.ok || result.code !== 'INVALID_WORKBOOK') throw new Error('Expected problems');
      expect(
        result.problems.map(({ code, sheet, row, column }) => ({ code, sheet, row, column })),
      ).toEqual(expectedProblems(name));
    },
  );

  it.each(broken)('leaves the stored plan exactly as it was after broken/%s', async (name) => {
    const { store, importer, writes } = importHarness();
    await importer.apply({
      actor: ADMIN,
      workbook: await readFixture('small'),
      programmeId: 'small',
    });
    const before = await snapshot(store, 'small');
    const result = await importer.apply({
      actor: ADMIN,
      workbook: await readFixture(`broken/${name}`),
      programmeId: 'small',
    });
    expect(result.ok ? 'applied' : result.code).toBe('INVALID_WORKBOOK');
    expect(writes.count).toBe(1);
    expect(await snapshot(store, 'small')).toEqual(before);
  });

  it('says where each problem is, what is wrong and what to do, in words', async () => {
    const { importer } = importHarness();
    const result = await importer.preview({
      actor: ADMIN,
      workbook: await readFixture('broken/many-problems'),
      programmeId: 'small',
    });
    if (result.ok || result.code !== 'INVALID_WORKBOOK') throw new Error('Expected problems');
    const lines = result.problems.map(problemLine);
    expect(lines).toContain(
      'actions, row 6, column Workstream (A): "C" is not a workstream in the Workstreams sheet. Use one of its codes, or add the workstream there.',
    );
    expect(lines).toContain(
      'calendar, row 4, column Closes (B): This period closes on or before the one above it (Apr 2020, which closes on 24 Apr 2020). List periods in the order they close, and check the dates.',
    );
  });

  it('reads headers written with other common names, in any case, and a Ratings sheet called History', async () => {
    const { importer } = importHarness();
    const result = await importer.preview({
      actor: ADMIN,
      workbook: await readFixture('synonym-headers'),
      programmeId: 'small',
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value.counts).toEqual({
      workstreams: 2,
      actions: 3,
      steps: 3,
      roles: 3,
      periods: 3,
      ratings: 2,
      measures: 0,
      measureValues: 0,
    });
  });
});
