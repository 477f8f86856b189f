import { createReadRule } from '../../src/app/read-rule.js';
import type { Dashboard } from '../../src/app/dashboard.use-case.js';
import { createDashboard } from '../../src/app/dashboard.use-case.js';
import type { ExportUseCase } from '../../src/app/export/export.use-case.js';
import { createExportUseCase } from '../../src/app/export/export.use-case.js';
import { DEFAULT_RULES } from '../../src/domain/programme.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { sampleWithTargets } from '../app/digest/sample-with-targets.js';
import { SAMPLE_PROGRAMME_ID } from '../support/sample-plan.js';

/** A second programme nobody in the sample belongs to, to show the tab keeps it hidden. */
export const OTHER_PROGRAMME_ID = 'other';

export interface SampleDashboard {
  readonly store: Store;
  readonly dashboard: Dashboard;
  readonly exports: ExportUseCase;
}

/** The memory store with the sample plan (measures too) and one unrelated programme, and the tab's use cases. */
export async function createSampleDashboard(): Promise<SampleDashboard> {
  const store = createMemoryStore();
  // The sample's measures, with the targets the council did not publish and an earlier value.
  await sampleWithTargets(store);
  await store.plans.replace({
    programme: {
      id: OTHER_PROGRAMME_ID,
      name: 'Another council’s plan',
      timeZone: 'Europe/London',
      periods: [{ id: 'Jan 2021', closes: '2021-01-15', boardMeeting: null }],
      rules: DEFAULT_RULES,
    },
    workstreams: [],
    actions: [],
    roles: [
      {
        programmeId: OTHER_PROGRAMME_ID,
        code: 'LEAD',
        title: 'Lead',
        person: 'lead@elsewhere.example',
        deputy: null,
      },
    ],
    ratings: [],
  });
  // Three of A2's nine steps done, as its owner ticked them before the Jan 2021 board.
  for (const letter of ['a', 'b', 'g']) {
    await store.stepTicks.tick({
      programmeId: SAMPLE_PROGRAMME_ID,
      ref: 'A2',
      letter,
      doneOn: '2021-01-10',
      by: 'sles@council.example',
      at: '2021-01-10T09:00:00.000Z',
      periodId: 'Jan 2021',
    });
  }
  const clock = { now: () => new Date('2021-01-25T10:00:00Z') };
  const dashboard = createDashboard({
    programmes: store.programmes,
    workstreams: store.workstreams,
    actions: store.actions,
    roles: store.roles,
    measures: store.measures,
    stepTicks: store.stepTicks,
    clock,
    readRule: createReadRule({ roles: store.roles, openToEveryone: false }),
  });
  const exports = createExportUseCase({
    programmes: store.programmes,
    workstreams: store.workstreams,
    actions: store.actions,
    roles: store.roles,
    measures: store.measures,
    revisions: store.revisions,
    stepTicks: store.stepTicks,
    signOffs: store.signOffs,
    governance: store.governance,
    clock,
  });
  return { store, dashboard, exports };
}
