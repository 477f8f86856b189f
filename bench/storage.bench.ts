/**
 * Storage on Azurite with a generated programme of 1,000 actions in 10 workstreams (100
 * each, three past ratings per action): the reads behind `/status EHC`, `/status C2` and
 * `/mine`, and recording an update. Run alone with `npm run bench storage`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Action } from '../src/domain/action.js';
import { DEFAULT_RULES } from '../src/domain/programme.js';
import { RATINGS } from '../src/domain/rating.js';
import type { StatusUpdate } from '../src/domain/status-update.js';
import { startEmbeddedAzurite } from '../src/store/embedded-azurite.js';
import type { Plan } from '../src/store/plan.repository.js';
import { createTablesStore } from '../src/store/tables-store.js';

export interface OperationFigures {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

export interface StorageBenchFigures {
  readonly name: 'storage';
  readonly store: 'Azure Tables on Azurite 3.35 (in memory, loopback)';
  readonly actions: number;
  readonly workstreams: number;
  readonly historyRows: number;
  readonly importMs: number;
  readonly listWorkstream: OperationFigures;
  readonly readActionWithHistory: OperationFigures;
  readonly listMine: OperationFigures;
  readonly recordUpdate: OperationFigures;
  /** The budget for `list workstream` p99. */
  readonly listWorkstreamBudgetP99Ms: 20;
  /** One-minute load average before and after, and the cores: timings depend on them. */
  readonly machine: {
    readonly cpus: number;
    readonly loadBefore: number;
    readonly loadAfter: number;
  };
}

const PROGRAMME = 'bench';
const WORKSTREAMS = 10;
const PER_WORKSTREAM = 100;
const ROLES = 25;
const PERIODS = ['Jul 2025', 'Oct 2025', 'Jan 2026'];
const WARM_UP = 50;
const SAMPLES = 300;

export async function run(): Promise<StorageBenchFigures> {
  const loadBefore = loadavg()[0] ?? NaN;
  const folder = await mkdtemp(join(tmpdir(), 'storage-bench-'));
  const azurite = await startEmbeddedAzurite({ location: folder, inMemory: true });
  try {
    const store = await createTablesStore({
      connection: { connectionString: azurite.connectionString },
      tablePrefix: 'bench',
    });
    const plan = generatePlan();
    const importStarted = performance.now();
    await store.plans.replace(plan);
    const importMs = performance.now() - importStarted;

    const refs = plan.actions.map((action) => action.ref);
    const pick = (i: number) => refs[(i * 7919) % refs.length] ?? 'WS1-1';
    const etags = new Map<string, string>();
    let written = 0;

    const listWorkstream = await measure((i) =>
      store.actions.listByWorkstream(PROGRAMME, `WS${(i % WORKSTREAMS) + 1}`),
    );
    const readActionWithHistory = await measure((i) =>
      Promise.all([
        store.actions.get(PROGRAMME, pick(i)),
        store.actions.history(PROGRAMME, pick(i)),
      ]),
    );
    const listMine = await measure((i) =>
      store.actions.listByOwnerRoles(PROGRAMME, [`ROLE${(i % ROLES) + 1}`]),
    );
    for (const action of await store.actions.listByProgramme(PROGRAMME)) {
      etags.set(action.value.ref, action.etag);
    }
    const recordUpdate = await measure(async (i) => {
      const ref = pick(i);
      written += 1;
      const update = statusUpdate(ref, `bench-${written}`, 'Jan 2026', written);
      const result = await store.actions.recordUpdate(update, etags.get(ref) ?? '');
      if (!result.ok) throw new Error(`Recording ${update.id} failed: ${result.code}`);
      etags.set(ref, result.action.etag);
    });

    return {
      name: 'storage',
      store: 'Azure Tables on Azurite 3.35 (in memory, loopback)',
      actions: plan.actions.length,
      workstreams: WORKSTREAMS,
      historyRows: plan.ratings.length,
      importMs: round(importMs),
      listWorkstream,
      readActionWithHistory,
      listMine,
      recordUpdate,
      listWorkstreamBudgetP99Ms: 20,
      machine: {
        cpus: cpus().length,
        loadBefore: round(loadBefore),
        loadAfter: round(loadavg()[0] ?? NaN),
      },
    };
  } finally {
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

async function measure(operation: (i: number) => Promise<unknown>): Promise<OperationFigures> {
  for (let i = 0; i < WARM_UP; i += 1) await operation(i);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    await operation(WARM_UP + i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return {
    samples: times.length,
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(times.reduce((sum, t) => sum + t, 0) / times.length),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function generatePlan(): Plan {
  const actions: Action[] = [];
  for (let w = 1; w <= WORKSTREAMS; w += 1) {
    for (let a = 1; a <= PER_WORKSTREAM; a += 1) {
      const n = (w - 1) * PER_WORKSTREAM + a;
      actions.push({
        programmeId: PROGRAMME,
        workstream: `WS${w}`,
        ref: `WS${w}-${a}`,
        title: `Improve the timeliness of plans, part ${n}`,
        ownerRole: `ROLE${(n % ROLES) + 1}`,
        contributors: ['DCO', 'HEADS'],
        due: '2026-07-31',
        revisedDue: null,
        proposedDue: null,
        outcomes: 'Fewer complaints; plans issued within 20 weeks in 90% of cases.',
        steps: ['a', 'b', 'c'].map((letter) => ({
          letter,
          title: `Step ${letter} of action ${n}: agree, deliver and review`,
          ownerRole: null,
          due: '2026-03-31',
          revisedDue: null,
        })),
        current: null,
      });
    }
  }
  return {
    programme: {
      id: PROGRAMME,
      name: 'Benchmark programme',
      timeZone: 'Europe/London',
      periods: PERIODS.map((id, i) => ({
        id,
        closes: `2025-${String(7 + i * 3).padStart(2, '0')}-28`,
        boardMeeting: null,
      })),
      rules: DEFAULT_RULES,
    },
    workstreams: Array.from({ length: WORKSTREAMS }, (_, i) => ({
      programmeId: PROGRAMME,
      code: `WS${i + 1}`,
      name: `Workstream ${i + 1}`,
      leadRole: 'LEAD',
      aim: 'Better outcomes for children and young people with SEND.',
    })),
    actions,
    roles: Array.from({ length: ROLES }, (_, i) => ({
      programmeId: PROGRAMME,
      code: `ROLE${i + 1}`,
      title: `Role ${i + 1}`,
      person: `person${i + 1}@example.org`,
      deputy: null,
    })),
    ratings: actions.flatMap((action, n) =>
      PERIODS.map((period, p) =>
        statusUpdate(action.ref, `import-${action.ref}-${p}`, period, n + p),
      ),
    ),
  };
}

function statusUpdate(ref: string, id: string, periodId: string, n: number): StatusUpdate {
  return {
    id,
    programmeId: PROGRAMME,
    ref,
    periodId,
    rating: RATINGS[n % RATINGS.length] ?? 'Green',
    note: 'Recruitment of two further coordinators is under way; the backlog fell by a third.',
    evidence: null,
    proposedDue: null,
    rolledOver: false,
    by: 'owner@example.org',
    at: new Date(Date.UTC(2025, 6, 1) + n * 60_000).toISOString(),
    source: 'import',
  };
}
