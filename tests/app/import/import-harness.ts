import { createAdminDirectory } from '../../../src/app/admin/admin-directory.js';
import type { Actor } from '../../../src/app/admin/actor.js';
import { readCurrentPlan } from '../../../src/app/import/current-plan.js';
import { createImportUseCase } from '../../../src/app/import/import.use-case.js';
import { createMemoryAdminRepository } from '../../../src/store/memory-admin.repository.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { PlanRepository } from '../../../src/store/plan.repository.js';
import type { Store } from '../../../src/store/store.js';
import { readCsvWorkbook } from '../../../src/app/import/read-csv.js';
import type { RawWorkbook } from '../../../src/app/import/workbook.js';
import { readFixture } from './plan-workbooks.js';

export const ADMIN: Actor = { kind: 'person', email: 'admin@council.example', aadObjectId: null };
export const OWNER: Actor = { kind: 'person', email: 'ades@council.example', aadObjectId: null };

/** The import use case over a store, counting the writes it makes. */
export function importHarness(store: Store = createMemoryStore()) {
  const writes = { count: 0 };
  const plans: PlanRepository = {
    replace: (plan) => {
      writes.count += 1;
      return store.plans.replace(plan);
    },
  };
  const directory = createAdminDirectory({
    configured: ['admin@council.example'],
    admins: createMemoryAdminRepository(),
  });
  const importer = createImportUseCase({ ...store, plans, directory });
  return { store, importer, writes };
}

/** Everything a person could see of a programme's plan, plus its whole history. */
export async function snapshot(store: Store, programmeId: string): Promise<unknown> {
  const current = await readCurrentPlan(store, programmeId);
  return {
    current: current && { ...current, updateIds: [...current.updateIds].sort() },
    history: await store.actions.historyOfProgramme(programmeId),
    measureHistory: await store.measures.history(programmeId),
  };
}

/** The sample workbook with one cell changed, as an admin editing it would. */
export async function sampleWith(
  sheet: string,
  edit: (rows: string[][]) => void,
): Promise<RawWorkbook> {
  const workbook = await readFixture('sample');
  return {
    sheets: workbook.sheets.map((s) => {
      if (s.name !== sheet || !s.header) return s;
      const rows = [s.header, ...s.rows].map((row) => [...row.cells]);
      edit(rows);
      const text = rows
        .map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
        .join('\n');
      return readCsvWorkbook([{ name: `${sheet}.csv`, text }]).sheets[0] ?? s;
    }),
  };
}
