import type { MeasureValue } from '../domain/measure-value.js';
import type { Role } from '../domain/people.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { codeKey, joinKey } from './keys.js';
import type { Plan } from './plan.repository.js';
import { moveStatusRows, recordRatings } from './tables-plan-status.js';
import {
  inPartition,
  PROGRAMME_PARTITION,
  refsFilter,
  startsWith,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import { measureValueKeys, measureValueRows } from './tables-measure.repository.js';
import { replaceRoles } from './tables-role-change.js';
import { raiseFence } from './tables-version-fence.js';
import { refreshSummaries } from './tables-summary.js';
import { spreadSettings } from './tables-settings-copy.js';
import {
  assertRowFits,
  azureStatus,
  getJson,
  putJson,
  queryRows,
  readRow,
  unexpected,
  updateRow,
  writeInBatches,
  type ReadRow,
  type Row,
} from './tables-support.js';

/**
 * Roles, past ratings and moved actions' status are not versioned, so a plan import cannot
 * write them aside like the rest. Instead the new version carries them as staged rows no
 * reader looks at; the switch to the version also marks its promotion pending (one write), and
 * the promotion then copies them to the live rows and clears the mark. Every step of it may
 * run again, so a crash after the switch is finished by the next start or the next import.
 */

/** Column of the programme row naming a version switched to but not yet promoted. */
export const PENDING_COLUMN = 'pendingPromotion';

export interface PendingPromotion {
  readonly programmeId: string;
  /** The version the programme was switched to. */
  readonly version: string;
  /** The version it replaced, whose reference index says where moved actions' status was. */
  readonly from: string | null;
}

const stagedKeys = {
  roles: (programmeId: string, version: string) => joinKey(codeKey(programmeId), version, 'roles'),
  ratings: (programmeId: string, version: string) =>
    joinKey(codeKey(programmeId), version, 'ratings'),
  measureValues: (programmeId: string, version: string) =>
    joinKey(codeKey(programmeId), version, 'measure-values'),
};

/** Most characters of ratings JSON in one staged row: well inside the 1 MiB entity limit. */
const RATING_PACK_CHARS = 300_000;

/** The plan's roles and ratings as rows of the new version, in the plans table. */
export function stagedRows(plan: Plan, version: string): Row[] {
  const programmeId = plan.programme.id;
  const roles = plan.roles.map((role) => {
    const row: Row = {
      partitionKey: stagedKeys.roles(programmeId, version),
      rowKey: codeKey(role.code),
    };
    putJson(row, 'json', role);
    assertRowFits(row, `role ${role.code}`);
    return row;
  });
  const ratings = packRows(plan.ratings, stagedKeys.ratings(programmeId, version), 'ratings');
  const values = packRows(
    plan.measureValues ?? [],
    stagedKeys.measureValues(programmeId, version),
    'measure values',
  );
  return [...roles, ...ratings, ...values];
}

/** Items packed a few hundred KB of JSON to a row, in order. */
function packRows(items: readonly unknown[], partitionKey: string, what: string): Row[] {
  const packs: unknown[][] = [];
  let used = Infinity;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (used + size > RATING_PACK_CHARS) {
      packs.push([]);
      used = 0;
    }
    packs.at(-1)?.push(item);
    used += size;
  }
  return packs.map((pack, index) => {
    const row: Row = { partitionKey, rowKey: String(index).padStart(4, '0') };
    putJson(row, 'json', pack);
    assertRowFits(row, `the past ${what}`);
    return row;
  });
}

/** The pending promotion the programme row records, if any. */
export function pendingOf(row: ReadRow | null): PendingPromotion | null {
  const text = row?.[PENDING_COLUMN];
  return typeof text === 'string' && text !== '' ? (JSON.parse(text) as PendingPromotion) : null;
}

/** Finishes an import cut short after its switch, for one programme or, with none, all. */
export async function rollForward(tables: TablesContext, programmeId?: string): Promise<void> {
  const rows =
    programmeId === undefined
      ? await queryRows(tables.programmes, inPartition(PROGRAMME_PARTITION), [
          'RowKey',
          PENDING_COLUMN,
        ])
      : [await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey(programmeId))];
  for (const row of rows) {
    const pending = pendingOf(row);
    if (pending) await promote(tables, pending);
  }
}

/** Makes the live roles, status and history match the version switched to; clears the mark. */
export async function promote(tables: TablesContext, pending: PendingPromotion): Promise<void> {
  const { programmeId, version, from } = pending;
  const [roles, refs, oldRefs, ratingPacks, valuePacks] = await Promise.all([
    queryRows(tables.plans, inPartition(stagedKeys.roles(programmeId, version))),
    queryRows(tables.plans, refsFilter(programmeId, version)),
    from === null ? Promise.resolve([]) : queryRows(tables.plans, refsFilter(programmeId, from)),
    queryRows(tables.plans, inPartition(stagedKeys.ratings(programmeId, version))),
    queryRows(tables.plans, inPartition(stagedKeys.measureValues(programmeId, version))),
  ]);
  // First, so no update aimed by the version before can land where the moves have looked.
  const fenced = new Set(
    oldRefs.map((row) => statusKeys.partition(programmeId, String(row.workstream))),
  );
  await Promise.all([...fenced].map((partition) => raiseFence(tables, partition, version)));
  const staged = roles.map((row) => getJson<Role>(row, 'json'));
  await replaceRoles(tables, programmeId, staged);
  const workstreamOf = new Map(refs.map((row) => [row.rowKey ?? '', String(row.workstream)]));
  // Moves before ratings: a moved action's live status must land before a past rating is
  // weighed against it.
  await moveStatusRows(tables, programmeId, oldRefs, workstreamOf);
  const ratings = ratingPacks.flatMap((row) => getJson<StatusUpdate[]>(row, 'json'));
  await recordRatings(tables, programmeId, ratings, workstreamOf);
  await recordMeasureValues(
    tables,
    programmeId,
    valuePacks.flatMap((row) => getJson<MeasureValue[]>(row, 'json')),
  );
  // Last, once every status row is where the new plan reads it.
  await refreshSummaries(tables, programmeId, version);
  // The new plan's partitions get the settings its switch wrote, so Saves need not read them.
  await spreadSettings(tables, programmeId);
  await clearPending(tables, codeKey(programmeId), version);
}

/** Past values join the history; ids already there are left as they are. */
async function recordMeasureValues(
  tables: TablesContext,
  programmeId: string,
  values: readonly MeasureValue[],
): Promise<void> {
  if (values.length === 0) return;
  const partition = measureValueKeys.partition(programmeId);
  const claimed = await queryRows(
    tables.measureValues,
    `${inPartition(partition)} and ${startsWith('RowKey', 'i')}`,
    ['RowKey'],
  );
  const known = new Set(claimed.map((row) => row.rowKey));
  const fresh = values.filter((value) => !known.has(measureValueKeys.id(value.id)));
  // Upserts: a promotion cut short wrote the same rows, so running it again is safe.
  await writeInBatches(
    tables.measureValues,
    fresh.flatMap((value) => measureValueRows(value)).map((row) => ['upsert', row, 'Replace']),
  );
}

/** Clears the mark if it still names `version`; someone else may have cleared or moved it on. */
async function clearPending(
  tables: TablesContext,
  programmeKey: string,
  version: string,
): Promise<void> {
  for (;;) {
    const row = await readRow(tables.programmes, PROGRAMME_PARTITION, programmeKey);
    if (pendingOf(row)?.version !== version) return;
    try {
      await updateRow(
        tables.programmes,
        { partitionKey: PROGRAMME_PARTITION, rowKey: programmeKey, [PENDING_COLUMN]: '' },
        'Merge',
        { etag: row?.etag ?? '*' },
      );
      return;
    } catch (error) {
      // 412: the row changed since we read it (settings saved, say): read it again.
      if (azureStatus(error) !== 412) {
        throw unexpected(`finishing the import of plan ${version} for ${programmeKey}`, error);
      }
    }
  }
}
