import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { problemLine } from '../../../src/cards/import/problem-text.js';
import type { RawWorkbook } from '../../../src/app/import/workbook.js';
import { sheetFromRows } from '../../../src/app/import/workbook.js';
import { readFixture } from './plan-workbooks.js';

const identity = { id: 'wsoa', name: 'Thurrock SEND Written Statement of Action' };

function withSheet(workbook: RawWorkbook, name: string, rows: string[][]): RawWorkbook {
  const sheet = sheetFromRows(
    name,
    rows.map((cells, i) => ({ number: i + 1, cells })),
  );
  return { sheets: [...workbook.sheets.filter((s) => s.name.toLowerCase() !== 'deciders'), sheet] };
}

describe('the Deciders sheet', () => {
  it('names the sample’s deciders: the board chair for every workstream, each lead for their own', async () => {
    const result = parsePlan(await readFixture('sample'), identity);
    if (!result.ok) throw new Error(result.problems.map(problemLine).join('\n'));
    expect(result.plan.deciders).toEqual([
      { role: 'CD', workstreams: 'all' },
      { role: 'ADES', workstreams: ['A'] },
      { role: 'SLSPPEP', workstreams: ['B'] },
      { role: 'SLSESEND', workstreams: ['C'] },
    ]);
  });

  it('leaves the default in force when the workbook has no Deciders sheet', async () => {
    const result = parsePlan(await readFixture('small'), { id: 'small', name: 'Small' });
    expect(result.ok && 'deciders' in result.plan).toBe(false);
  });

  it('matches other names for the sheet and its columns, and merges rows for one role', async () => {
    const workbook = withSheet(await readFixture('small'), 'Approvers', [
      ['Decider', 'Decides for'],
      ['qa', 'a, B'],
      ['QA', 'b'],
      ['lead', 'every workstream'],
    ]);
    const result = parsePlan(workbook, { id: 'small', name: 'Small' });
    if (!result.ok) throw new Error(result.problems.map(problemLine).join('\n'));
    expect(result.plan.deciders).toEqual([
      { role: 'QA', workstreams: ['A', 'B'] },
      { role: 'LEAD', workstreams: 'all' },
    ]);
  });

  it('says where a role or workstream is unknown, in words a person can act on', async () => {
    const workbook = withSheet(await readFixture('small'), 'Deciders', [
      ['Role', 'Workstreams'],
      ['CHAIR', 'All'],
      ['QA', 'A; Z'],
    ]);
    const result = parsePlan(workbook, { id: 'small', name: 'Small' });
    if (result.ok) throw new Error('Expected problems');
    expect(result.problems.map(problemLine)).toEqual([
      'Deciders, row 2, column Role (A): "CHAIR" is not a role in the Roles sheet. Use one of its role codes, or add the role there.',
      'Deciders, row 3, column Workstreams (B): "Z" is not a workstream in the Workstreams sheet. Use one of its codes, or add the workstream there.',
    ]);
  });
});
