import { forgetVersion } from './tables-version-fence.js';
import { odata, type TransactionAction } from '@azure/data-tables';
import type { Action } from '../domain/action.js';
import { DomainError } from '../domain/errors.js';
import type { Programme } from '../domain/programme.js';
import { codeKey } from './keys.js';
import { assertPlanFits } from './limits.js';
import type { Plan, PlanRepository, PlanWriteProgress } from './plan.repository.js';
import { measureDefinitionRows } from './tables-measure.repository.js';
import {
  PENDING_COLUMN,
  promote,
  rollForward,
  stagedRows,
  type PendingPromotion,
} from './tables-plan-promotion.js';
import {
  inPartition,
  planKeys,
  PROGRAMME_PARTITION,
  refKeys,
  refsFilter,
  startsWith,
  statusKeys,
  VERSION_LETTER,
  type TablesContext,
} from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  createInBatches,
  createRow,
  putJson,
  queryRows,
  queryWorkstreamRows,
  readRow,
  unexpected,
  updateRow,
  writeInBatches,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * Plans are replaced all or nothing, however big: the new version's rows, with its roles and
 * ratings staged beside them, are written under a new version id; then one write to the
 * programme row makes it the active version and marks its promotion pending; then the roles,
 * ratings and moved status rows are promoted to the live rows (tables-plan-promotion.ts).
 */
export function createTablesPlanRepository(tables: TablesContext): PlanRepository {
  return {
    async replace(plan, progress) {
      assertPlanFits(plan);
      // An import cut short after its switch is finished first, so it cannot undo this one.
      await rollForward(tables, plan.programme.id);
      const { pending, partitions } = await stageAndSwitch(tables, plan, progress);
      await promote(tables, pending);
      // The new plan is whole; what follows only tidies rows no reader can reach any more.
      await deleteOlderVersions(tables, plan.programme.id, pending.version, partitions);
    },
  };
}

/**
 * Writes the new version aside and switches to it, leaving its promotion pending. Returns the
 * promotion and the workstream partitions whose older definitions can be deleted after it.
 */
export async function stageAndSwitch(
  tables: TablesContext,
  plan: Plan,
  progress?: PlanWriteProgress,
): Promise<{ readonly pending: PendingPromotion; readonly partitions: string[] }> {
  const programmeId = plan.programme.id;
  const before = await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey(programmeId));
  const oldVersion = typeof before?.activeVersion === 'string' ? before.activeVersion : null;
  const version = newVersionId();
  const oldRefs = oldVersion
    ? await queryRows(tables.plans, refsFilter(programmeId, oldVersion), ['workstream'])
    : [];

  const rows = planRows(plan, version);
  const staged = stagedRows(plan, version);
  const total = staged.length + rows.plans.length + rows.definitions.length;
  let written = 0;
  const stored = (count: number) => {
    written += count;
    progress?.(written, total);
  };
  // Every row is keyed by the new version, so none is there yet: created, not upserted.
  await createInBatches(tables.plans, staged, stored);
  await createInBatches(tables.plans, rows.plans, stored);
  await writeByPartition(tables, rows.definitions, stored);
  const pending = { programmeId, version, from: oldVersion };
  await switchTo(tables, plan.programme, pending, before?.etag ?? null);
  const partitions = new Set([
    ...oldRefs.map((row) => statusKeys.partition(programmeId, String(row.workstream))),
    ...rows.definitions.map((row) => row.partitionKey),
  ]);
  return { pending, partitions: [...partitions] };
}

/** Sorts by creation time, so "older than the active version" is a string comparison. */
function newVersionId(): string {
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${VERSION_LETTER}${Date.now().toString(36).padStart(9, '0')}${random}`;
}

/** The new version's rows: for the plans table, and definitions for the status table. */
function planRows(plan: Plan, version: string): { plans: Row[]; definitions: Row[] } {
  const programmeId = plan.programme.id;
  const plans: Row[] = [];
  const definitions: Row[] = [];
  const add = (to: Row[], row: Row, what: string, value: unknown) => {
    putJson(row, 'json', value);
    assertRowFits(row, what);
    to.push(row);
  };
  for (const [position, workstream] of plan.workstreams.entries()) {
    const partitionKey = planKeys.workstreams(programmeId, version);
    // Rows come back in key order; `position` keeps the plan's own order for lists.
    const row = { partitionKey, rowKey: codeKey(workstream.code), position };
    add(plans, row, `workstream ${workstream.code}`, workstream);
  }
  for (const action of plan.actions) {
    const definition: Action = { ...action, current: null };
    const what = `action ${action.ref}`;
    const partitionKey = statusKeys.partition(programmeId, action.workstream);
    const rowKey = statusKeys.definition(version, action.ref);
    add(definitions, { partitionKey, rowKey }, what, definition);
    plans.push({
      ...refKeys(programmeId, version, action.ref),
      workstream: action.workstream,
      ref: action.ref,
    });
  }
  plans.push(...measureDefinitionRows(programmeId, version, plan.measures ?? []));
  return { plans, definitions: [...definitions, ...packRows(plan, version)] };
}

/** Most characters of definitions JSON in one pack row: well inside the 1 MiB entity limit. */
const PACK_CHARS = 300_000;

/** Each workstream's definitions packed into as few rows as fit, so listing reads few rows. */
function packRows(plan: Plan, version: string): Row[] {
  const byPartition = new Map<string, Action[][]>();
  const sizes = new Map<string, number>();
  for (const action of plan.actions) {
    const partitionKey = statusKeys.partition(plan.programme.id, action.workstream);
    const definition: Action = { ...action, current: null };
    const size = JSON.stringify(definition).length;
    const packs = byPartition.get(partitionKey) ?? [[]];
    const last = packs.at(-1) ?? [];
    const used = sizes.get(partitionKey) ?? 0;
    if (used + size > PACK_CHARS && last.length > 0) {
      packs.push([definition]);
      sizes.set(partitionKey, size);
    } else {
      last.push(definition);
      sizes.set(partitionKey, used + size);
    }
    byPartition.set(partitionKey, packs);
  }
  return [...byPartition].flatMap(([partitionKey, packs]) =>
    packs.map((pack, index) => {
      const row: Row = { partitionKey, rowKey: statusKeys.pack(version, index) };
      putJson(row, 'json', pack);
      assertRowFits(row, `the definitions of workstream ${pack[0]?.workstream ?? ''}`);
      return row;
    }),
  );
}

/** One write: the version becomes the one readers see, and its promotion is marked pending. */
async function switchTo(
  tables: TablesContext,
  programme: Programme,
  pending: PendingPromotion,
  etag: string | null,
): Promise<void> {
  const { version } = pending;
  const row: Row = {
    partitionKey: PROGRAMME_PARTITION,
    rowKey: codeKey(programme.id),
    activeVersion: version,
    [PENDING_COLUMN]: JSON.stringify(pending),
  };
  putJson(row, 'json', programme);
  assertRowFits(row, `programme ${programme.id}`);
  try {
    if (etag === null) await createRow(tables.programmes, row);
    else await updateRow(tables.programmes, row, 'Replace', { etag });
  } catch (error) {
    if ([409, 412].includes(azureStatus(error) ?? 0)) {
      throw new DomainError(
        'CONFLICT',
        `Programme ${programme.id} was changed while its plan was being imported, so the ` +
          'import was not applied. Import the workbook again.',
        { programmeId: programme.id },
      );
    }
    throw unexpected(`switching programme ${programme.id} to plan ${version}`, error);
  } finally {
    // Even a failed switch may have landed; this process's next reader asks storage.
    forgetVersion(tables, programme.id);
  }
}

/** Writes to each workstream's table, creating it first if this plan is the first to use it. */
async function writeByPartition(
  tables: TablesContext,
  rows: readonly Row[],
  stored: (rows: number) => void,
): Promise<void> {
  const byPartition = new Map<string, Row[]>();
  for (const row of rows) {
    // Pushed, not copied: copying the list each time made a 10,000-row import quadratic.
    const list = byPartition.get(row.partitionKey) ?? [];
    list.push(row);
    byPartition.set(row.partitionKey, list);
  }
  for (const [partition, list] of byPartition) {
    await tables.createStatusTable(partition);
    await createInBatches(tables.status(partition), list, stored);
  }
}

async function deleteOlderVersions(
  tables: TablesContext,
  programmeId: string,
  version: string,
  partitions: readonly string[],
): Promise<void> {
  const older = (key: string | undefined, part: number) => (key ?? '').split('|')[part]! < version;
  // Nothing writes the owners table any more (`/mine` reads the owners' copies beside the
  // summaries); rows earlier versions left there go with the rest.
  for (const table of [tables.plans, tables.owners]) {
    const rows = await queryRows(table, startsWith('PartitionKey', codeKey(programmeId)), [
      'PartitionKey',
      'RowKey',
    ]);
    await writeInBatches(table, rows.filter((row) => older(row.partitionKey, 1)).map(deletion));
  }
  for (const partition of partitions) {
    const definitions = await queryWorkstreamRows(
      tables.status(partition),
      `${inPartition(partition)} and ${odata`RowKey lt ${'e'}`}`,
      ['PartitionKey', 'RowKey'],
    );
    await writeInBatches(
      tables.status(partition),
      definitions.filter((row) => older(row.rowKey, 1)).map(deletion),
    );
  }
}

function deletion(row: ReadRow): TransactionAction {
  return ['delete', { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' }];
}
