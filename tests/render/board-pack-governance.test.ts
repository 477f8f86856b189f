import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createExportUseCase } from '../../src/app/export/export.use-case.js';
import { boardPackFile } from '../../src/render/board-pack/board-pack.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const clock = { now: () => new Date('2021-01-25T09:00:00Z') };
const CHAIR = 'cd@council.example';

async function workbookOf(store: Store): Promise<ExcelJS.Workbook> {
  const result = await createExportUseCase({ ...store, clock }).boardPack('wsoa');
  if (!result.ok) throw new Error(result.code);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array((await boardPackFile(result.value)).bytes).buffer);
  return workbook;
}

/** Each row of a sheet below its header, as a record by header. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No ${name} sheet.`);
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  return (sheet.getRows(2, sheet.rowCount - 1) ?? []).map((row) => {
    const values = (row.values as unknown[]).slice(1);
    return Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]));
  });
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('board pack governance', () => {
  let store: Store;
  beforeEach(async () => {
    store = createMemoryStore();
    const plan = loadSamplePlan();
    await store.plans.replace({ ...plan, ratings: plan.updates });
  });

  it('shows A2’s steps as the sample revised them in July 2020, original kept beside current', async () => {
    // The plan gives A2 no date of its own; the board revised steps c), e) and f).
    const workbook = await workbookOf(store);
    const a2 = rowsOf(workbook, 'Grid').find((r) => r['Ref'] === 'A2');
    expect(a2?.['Times revised']).toBe(3);
    const sheet = rowsOf(workbook, 'A Records and oversight');
    const c = sheet.find((r) => r['Ref'] === 'A2' && r['Step'] === 'c');
    expect(c?.['Original due']).toEqual(day('2020-01-31'));
    expect(c?.['Current due']).toEqual(day('2021-01-31'));
    expect(c?.['Times revised']).toBe(1);
    const b = sheet.find((r) => r['Ref'] === 'A2' && r['Step'] === 'b');
    expect(b?.['Times revised']).toBe(0);
    expect(b?.['Current due']).toEqual(day('2019-07-31'));
  });

  it('shows an agreed revision, steps done and the sign-off, and exports every decision', async () => {
    await store.revisions.ask({
      id: 'r1',
      programmeId: 'wsoa',
      ref: 'B1',
      workstream: 'B',
      askedBy: 'slsp@council.example',
      askedAt: '2020-11-20T10:00:00.000Z',
      reason: 'The data warehouse moved.',
      fromDue: '2020-09-30',
      toDue: '2021-03-31',
      planDates: { due: '2020-09-30', revisedDue: null },
      decision: null,
    });
    await store.revisions.decide('wsoa', 'r1', {
      outcome: 'approved',
      by: CHAIR,
      at: '2020-12-01T10:00:00.000Z',
      reason: null,
    });
    await store.stepTicks.tick({
      programmeId: 'wsoa',
      ref: 'B1',
      letter: 'a',
      doneOn: '2020-03-20',
      by: 'slsp@council.example',
      at: '2021-01-10T10:00:00.000Z',
      periodId: 'Jan 2021',
    });
    await store.signOffs.record(
      {
        programmeId: 'wsoa',
        workstream: 'B',
        periodId: 'Jan 2021',
        by: 'slsppep@council.example',
        at: '2021-01-18T10:00:00.000Z',
        items: [{ ref: 'B1', rating: 'Green', verdict: 'agree', note: null }],
      },
      [],
    );
    const workbook = await workbookOf(store);
    const b1 = rowsOf(workbook, 'Grid').find((r) => r['Ref'] === 'B1');
    expect(b1).toMatchObject({
      'Original due': day('2020-09-30'),
      'Current due': day('2021-03-31'),
      // Its own date once by the chair, and steps b) and c) by the plan.
      'Times revised': 3,
      'Steps done': '1 of 3 done; late: b), c)',
      'Signed off by': 'slsppep@council.example, Jan 2021',
    });
    const decisions = rowsOf(workbook, 'Decisions');
    expect(decisions.map((d) => [d['Kind'], d['Ref'], d['By'], d['Outcome']])).toEqual([
      ['revision asked', 'B1', 'slsp@council.example', 'asked'],
      ['revision decided', 'B1', CHAIR, 'approved'],
      ['sign-off', '', 'slsppep@council.example', 'agreed'],
    ]);
    expect(decisions[0]?.['Detail']).toBe('2020-09-30 → 2021-03-31: The data warehouse moved.');
  });
});
