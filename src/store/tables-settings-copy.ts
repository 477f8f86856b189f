import type { Programme, Workstream } from '../domain/programme.js';
import { codeKey } from './keys.js';
import {
  inPartition,
  planKeys,
  PROGRAMME_PARTITION,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import { mergeIntoFence } from './tables-version-fence.js';
import { getJson, putJson, queryRows, readRow, type ReadRow } from './tables-support.js';

/**
 * A Save needs its programme's settings (periods, time zone, rules: the programme row's JSON)
 * and already reads its workstream partition's fence with the action. So the fence of every
 * partition of the active plan keeps a copy of them, and a Save reads the programme row only
 * when the copy cannot be vouched for.
 *
 * Each state of the settings has a stamp: the plan version active when it was written and
 * `settingsSeq`, which every settings save raises by one (a plan's switch starts it again
 * under its newer version, so stamps only grow). A settings save first raises every fence's
 * `settingsWanted` to the stamp it is about to write, then writes the programme row (at its
 * ETag, so two saves get two stamps), then raises the copies. A copy is believed only when it
 * is of the version the fence names (a plan promoted since raises the fence past it) and no
 * stamp newer than it has been announced; so a save cut short leaves Saves reading the row,
 * never believing settings it replaced. Copies and announcements only move forward, each
 * written at the ETag of the fence read, and every update's transaction checks the fence's
 * ETag, so an update that read a copy cannot land after the copy was superseded.
 */

/** Column of the programme row: raised by one with each settings save. */
export const SEQ_COLUMN = 'settingsSeq';

const COPY = 'settings';
const COPY_STAMP = 'settingsStamp';
const WANTED = 'settingsWanted';

export interface Stamp {
  readonly version: string;
  readonly seq: number;
}

const stampText = (stamp: Stamp): string => `${stamp.version}|${stamp.seq}`;

function parseStamp(text: unknown): Stamp | null {
  if (typeof text !== 'string') return null;
  const bar = text.lastIndexOf('|');
  const seq = Number(text.slice(bar + 1));
  return bar > 0 && Number.isInteger(seq) ? { version: text.slice(0, bar), seq } : null;
}

/** Versions sort by age, so a newer plan's stamps come after every stamp of an older one. */
function compareStamps(a: Stamp, b: Stamp): number {
  if (a.version !== b.version) return a.version < b.version ? -1 : 1;
  return a.seq - b.seq;
}

/** The stamp of the settings a programme row holds; null without an active plan. */
export function stampOfRow(row: ReadRow | null): Stamp | null {
  if (typeof row?.activeVersion !== 'string') return null;
  const seq = row[SEQ_COLUMN];
  return { version: row.activeVersion, seq: typeof seq === 'number' ? seq : 0 };
}

/**
 * The programme's settings from a fence read with an action of `version`, or null when they
 * cannot be vouched for (no copy, a copy of another plan, or a newer save announced).
 */
export function settingsCopied(fence: ReadRow | null, version: string): Programme | null {
  if (!fence || fence.version !== version) return null;
  const copied = parseStamp(fence[COPY_STAMP]);
  if (copied?.version !== version) return null;
  const wanted = parseStamp(fence[WANTED]);
  if (wanted && compareStamps(copied, wanted) < 0) return null;
  return getJson<Programme>(fence, COPY);
}

/**
 * The partitions of the workstreams a plan version lists (a few rows, not its every action).
 * Copies are written and announced to these alike, so an action in a workstream the plan does
 * not list (only in plans stored long ago) has no copy and its Save reads the programme row.
 */
export async function activePartitions(
  tables: TablesContext,
  programmeId: string,
  version: string,
): Promise<string[]> {
  const rows = await queryRows(
    tables.plans,
    inPartition(planKeys.workstreams(programmeId, version)),
  );
  return rows.map((row) =>
    statusKeys.partition(programmeId, getJson<Workstream>(row, 'json').code),
  );
}

/** Before a settings save writes the programme row: no copy older than `stamp` is believed. */
export async function announceSettings(
  tables: TablesContext,
  partitions: readonly string[],
  stamp: Stamp,
): Promise<void> {
  await Promise.all(
    partitions.map((partition) =>
      moveFence(tables, partition, stamp, (fence) => {
        const wanted = parseStamp(fence?.[WANTED]);
        return wanted && compareStamps(wanted, stamp) >= 0 ? null : { [WANTED]: stampText(stamp) };
      }),
    ),
  );
}

/** Copies settings of `stamp` to each fence whose copy is older and where none newer is due. */
export async function copySettings(
  tables: TablesContext,
  partitions: readonly string[],
  stamp: Stamp,
  programme: Programme,
): Promise<void> {
  const copy: Record<string, unknown> = { [COPY_STAMP]: stampText(stamp) };
  putJson(copy, COPY, programme);
  await Promise.all(
    partitions.map((partition) =>
      moveFence(tables, partition, stamp, (fence) => {
        const copied = parseStamp(fence?.[COPY_STAMP]);
        const wanted = parseStamp(fence?.[WANTED]);
        if (copied && compareStamps(copied, stamp) >= 0) return null;
        if (wanted && compareStamps(wanted, stamp) > 0) return null;
        return copy;
      }),
    ),
  );
}

/** Copies the programme row's settings to the fences of its active plan (after an import). */
export async function spreadSettings(tables: TablesContext, programmeId: string): Promise<void> {
  await spreadFrom(
    tables,
    await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey(programmeId)),
  );
}

/**
 * At start, every programme's: fences written before they held copies (or left behind by a
 * save cut short) get them, so Saves stop reading the programme row.
 */
export async function spreadAllSettings(tables: TablesContext): Promise<void> {
  const rows = await queryRows(tables.programmes, inPartition(PROGRAMME_PARTITION));
  for (const row of rows) await spreadFrom(tables, row);
}

async function spreadFrom(tables: TablesContext, row: ReadRow | null): Promise<void> {
  const stamp = stampOfRow(row);
  if (!row || !stamp) return;
  const programme = getJson<Programme>(row, 'json');
  const partitions = await activePartitions(tables, programme.id, stamp.version);
  await copySettings(tables, partitions, stamp, programme);
}

/** {@link mergeIntoFence}; a fence with no version yet gets the stamp's, as an update's would. */
async function moveFence(
  tables: TablesContext,
  partitionKey: string,
  stamp: Stamp,
  change: (fence: ReadRow | null) => Record<string, unknown> | null,
): Promise<void> {
  await mergeIntoFence(
    tables,
    partitionKey,
    (fence) => {
      const columns = change(fence);
      if (columns === null) return null;
      return typeof fence?.version === 'string' ? columns : { version: stamp.version, ...columns };
    },
    `copying settings to the plan fence of ${partitionKey}`,
  );
}
