import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { problemLine } from '../../../src/cards/import/problem-text.js';
import type { RawWorkbook } from '../../../src/app/import/workbook.js';
import { readFixture } from './plan-workbooks.js';

const identity = { id: 'wsoa', name: 'Thurrock SEND Written Statement of Action' };

/** The sample workbook with some cells typed differently: [sheet, row, column header, text]. */
async function sampleWith(edits: readonly (readonly [string, number, string, string])[]) {
  const workbook = await readFixture('sample');
  return {
    sheets: workbook.sheets.map((sheet) => {
      const header = sheet.header?.cells ?? [];
      return {
        ...sheet,
        rows: sheet.rows.map((row) => {
          const cells = [...row.cells];
          for (const [name, number, column, text] of edits) {
            if (name === sheet.name && number === row.number) cells[header.indexOf(column)] = text;
          }
          return { ...row, cells };
        }),
      };
    }),
  } satisfies RawWorkbook;
}

describe('dates typed by people, in a whole workbook', () => {
  it('imports a plan whose dates are written in the ways people write them', async () => {
    const result = parsePlan(
      await sampleWith([
        ['actions', 3, 'Due', '31st July 2019'],
        ['actions', 4, 'Due', 'July 31, 2019'],
        ['actions', 5, 'Due', 'Wed 31 Jul 2019'],
        ['actions', 6, 'Due', '31/07/2019'],
        ['calendar', 2, 'Closes', 'Fri 25th October 2019'],
        ['calendar', 3, 'Board meeting', '5-Feb-20'],
      ]),
      identity,
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.code).join());
    const a1 = result.plan.actions.find((a) => a.ref === 'A1');
    expect(a1?.steps.slice(0, 4).map((s) => s.due)).toEqual([
      '2019-07-31',
      '2019-07-31',
      '2019-07-31',
      '2019-07-31',
    ]);
    expect(result.plan.programme.periods.slice(0, 2)).toMatchObject([
      { id: 'Oct 2019', closes: '2019-10-25' },
      { id: 'Jan 2020', boardMeeting: '2020-02-05' },
    ]);
  });

  it('reads 04/03/2020 the British way (4 March) when nothing in the workbook says otherwise', async () => {
    const result = parsePlan(await sampleWith([['actions', 3, 'Due', '04/03/2020']]), identity);
    if (!result.ok) throw new Error(result.problems.map((p) => p.code).join());
    expect(result.plan.actions[0]?.steps[0]?.due).toBe('2020-03-04');
  });

  it('refuses 04/03/2020 when the same workbook has 03/31/2020, naming both places and the forms that work', async () => {
    const result = parsePlan(
      await sampleWith([
        ['actions', 3, 'Due', '03/31/2020'],
        ['actions', 5, 'Revised due', '04/03/2020'],
      ]),
      identity,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'AMBIGUOUS_DATE',
      sheet: 'actions',
      row: 5,
      column: 'Revised due',
      columnLetter: 'H',
    });
    const line = problemLine(result.problems[0] ?? ({} as never));
    expect(line).toContain('actions, row 5, column Revised due (H)');
    expect(line).toContain('could be 4 Mar 2020 or 3 Apr 2020');
    expect(line).toContain('"03/31/2020" (actions, row 3)');
    expect(line).toContain('"31 July 2019"');
  });

  it('refuses "Mar-21" as ambiguous and a day with no year as incomplete, each at its place', async () => {
    const result = parsePlan(
      await sampleWith([
        ['actions', 3, 'Due', 'Mar-21'],
        ['calendar', 4, 'Closes', '24th April'],
      ]),
      identity,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['AMBIGUOUS_DATE', 'actions', 3, 'Due'],
      ['UNREADABLE_DATE', 'calendar', 4, 'Closes'],
    ]);
    const lines = result.problems.map(problemLine);
    expect(lines[0]).toMatch(/^actions, row 3, column Due \(G\): "Mar-21" could be a day/);
    expect(lines[1]).toMatch(/^calendar, row 4, column Closes \(B\): "24th April" has no year\./);
    for (const line of lines) expect(line).toContain('"July 2019" or "Sept 2019"');
  });
});
