import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createExportUseCase } from '../../src/app/export/export.use-case.js';
import { boardPackFile, type BoardPackFile } from '../../src/render/board-pack/board-pack.js';
import { bindSheet } from '../../src/app/import/bound-sheet.js';
import type { ImportProblem } from '../../src/app/import/import-problem.js';
import { parseRatings } from '../../src/app/import/parse-ratings.js';
import { readXlsxWorkbook } from '../../src/app/import/read-xlsx.js';
import { RATINGS_SHEET } from '../../src/app/import/sheet-specs.js';
import type { StatusUpdate } from '../../src/domain/status-update.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { generateProgramme } from '../app/digest/generated-programme.js';
import { loadSamplePlan } from '../support/sample-plan.js';

const clock = { now: () => new Date('2021-01-25T09:00:00Z') };

async function boardPackOf(store: Store, programmeId: string): Promise<BoardPackFile> {
  const result = await createExportUseCase({ ...store, clock }).boardPack(programmeId);
  if (!result.ok) throw new Error(result.code);
  return boardPackFile(result.value);
}

/** The ratings that count, as the store holds them: the newest of each action in each period. */
async function storedRatings(store: Store, programmeId: string) {
  const newest = new Map<string, StatusUpdate>();
  for (const update of await store.actions.historyOfProgramme(programmeId)) {
    const key = `${update.ref}|${update.periodId}`;
    const known = newest.get(key);
    if (!known || known.at < update.at) newest.set(key, update);
  }
  return [...newest.values()]
    .map((u) => ({ ref: u.ref, periodId: u.periodId, rating: u.rating, note: u.note }))
    .sort(byRefThenPeriod);
}

function byRefThenPeriod(
  a: { ref: string; periodId: string },
  b: { ref: string; periodId: string },
): number {
  return a.ref.localeCompare(b.ref) || a.periodId.localeCompare(b.periodId);
}

/** Reads the pack's Ratings sheet with the importer's own reader. */
async function ratingsReadBack(store: Store, programmeId: string, bytes: Buffer) {
  const workbook = await readXlsxWorkbook(bytes);
  const problems: ImportProblem[] = [];
  const sheet = bindSheet(workbook, RATINGS_SHEET, problems);
  if (!sheet) throw new Error(`No Ratings sheet: ${JSON.stringify(problems)}`);
  const programme = await store.programmes.get(programmeId);
  const actions = (await store.actions.listByProgramme(programmeId)).map((a) => a.value);
  const updates = parseRatings(sheet, {
    programmeId,
    actions,
    periods: programme?.periods ?? [],
    problems,
  });
  expect(problems).toEqual([]);
  return updates
    .map((u) => ({ ref: u.ref, periodId: u.periodId, rating: u.rating, note: u.note }))
    .sort(byRefThenPeriod);
}

describe('board pack export', () => {
  let store: Store;
  beforeEach(async () => {
    store = createMemoryStore();
    const plan = loadSamplePlan();
    await store.plans.replace({ ...plan, ratings: plan.updates });
  });

  it('gives back the stored ratings when the importer reads its Ratings sheet', async () => {
    const a2 = await store.actions.get('wsoa', 'A2');
    if (!a2) throw new Error('The sample has no A2.');
    await store.actions.recordUpdate(
      {
        id: 'card|a2|correction',
        programmeId: 'wsoa',
        ref: 'A2',
        periodId: 'Jan 2021',
        rating: 'Red',
        note: 'Corrected: c) to f) have not started; "revised" dates under review.',
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: 'ades@council.example',
        at: '2021-01-20T10:00:00.000Z',
        source: 'card',
      },
      a2.etag,
    );
    const pack = await boardPackOf(store, 'wsoa');
    const readBack = await ratingsReadBack(store, 'wsoa', pack.bytes);
    expect(readBack).toEqual(await storedRatings(store, 'wsoa'));
    expect(readBack.find((r) => r.ref === 'A2' && r.periodId === 'Jan 2021')?.rating).toBe('Red');
  });

  it('shows the grid of actions by period, each cell a rating word on its colour', async () => {
    const pack = await boardPackOf(store, 'wsoa');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(pack.bytes).buffer);
    const grid = workbook.getWorksheet('Grid');
    if (!grid) throw new Error('No Grid sheet.');
    const header = (grid.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Ref',
      'Workstream',
      'Title',
      'Owner',
      'Original due',
      'Current due',
      'Times revised',
      'Steps done',
      'Signed off by',
      'Oct 2019',
      'Jan 2020',
      'Apr 2020',
      'Jul 2020',
      'Oct 2020',
      'Jan 2021',
      'Apr 2021',
      'Jul 2021',
    ]);
    const a5 = grid.getRows(2, grid.rowCount - 1)?.find((row) => row.getCell(1).value === 'A5');
    expect(a5?.getCell(11).value).toBe('Red');
    expect(a5?.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFE03E3E' } });
    expect(a5?.getCell(15).value).toBe('Green');
    expect(a5?.getCell(10).value).toBe('Not yet rated');
    expect(grid.rowCount).toBe(13);
  });

  it('has a sheet per workstream with steps, owners, due and revised dates and notes', async () => {
    const pack = await boardPackOf(store, 'wsoa');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(pack.bytes).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Grid',
      'A Records and oversight',
      'B Quality assurance and governa',
      'C Quality of EHC plans and annu',
      'Ratings',
      'Measures',
      'Decisions',
    ]);
    const sheet = workbook.getWorksheet('A Records and oversight');
    const rows = (sheet?.getRows(2, sheet.rowCount - 1) ?? []).map((row) =>
      (row.values as unknown[]).slice(1),
    );
    const a1 = rows.find((r) => r[0] === 'A1' && r[1] === '');
    expect(a1?.[3]).toBe('ADES');
    expect(a1?.[4]).toBe('Ongoing');
    expect(a1?.[8]).toBe('Green');
    expect(a1?.[9]).toBe('Jan 2021');
    expect(String(a1?.[10])).toContain('EHC plans completed within 20 weeks');
    const step = rows.find((r) => r[0] === 'A1' && r[1] === 'a');
    expect(step?.[2]).toBe('Complete re-alignment documentation');
    expect(step?.[4]).toEqual(new Date('2019-07-31T00:00:00.000Z'));
  });

  it('names the file after the programme and the day', async () => {
    const pack = await boardPackOf(store, 'wsoa');
    expect(pack.fileName).toBe('wsoa-board-pack-2021-01-25.xlsx');
  });

  it('round-trips a generated programme of 500 actions over 8 periods', async () => {
    const big = createMemoryStore();
    await big.plans.replace(generateProgramme({ actions: 500 }));
    const pack = await boardPackOf(big, 'big');
    expect(pack.actions).toBe(500);
    expect(await ratingsReadBack(big, 'big', pack.bytes)).toEqual(await storedRatings(big, 'big'));
  });

  it('answers PROGRAMME_NOT_FOUND for an unknown programme', async () => {
    const result = await createExportUseCase({ ...store, clock }).boardPack('nope');
    expect(result).toEqual({ ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId: 'nope' });
  });
});
