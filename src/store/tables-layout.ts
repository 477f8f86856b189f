import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { codeKey, encodeKeyPart, historyOrderKey, joinKey, prefixEnd } from './keys.js';
import { readRow } from './tables-support.js';

/**
 * Where every row lives. docs/storage.md draws the same map; keep the two in step.
 * Plan rows carry a version id in their partition key so a new plan can be written aside and
 * switched to with one write to the programme row.
 */
export const TABLES = [
  'programmes',
  'plans',
  'owners',
  'roles',
  'people',
  'conversations',
  'outbox',
  'leases',
  'admins',
  'links',
  'pendingImports',
  'measureValues',
  'summaries',
] as const;
export type TableName = (typeof TABLES)[number];

/**
 * The fixed tables, and one table per workstream partition for its definitions, status and
 * history. Partitions would be enough on Azure; the separate tables keep Azurite, which
 * scans a whole table for every query, as quick as Azure for `/status EHC`.
 */
export type TablesContext = Readonly<Record<TableName, TableClient>> & {
  /** The table holding one workstream partition (see `statusKeys.partition`). */
  readonly status: (partitionKey: string) => TableClient;
  /** Creates that table if missing; a plan import calls it before writing. */
  readonly createStatusTable: (partitionKey: string) => Promise<void>;
};

/** `${prefix}ws` and 20 hex digits of the partition key's SHA-256: at most 63 characters. */
export function statusTableName(tablePrefix: string, partitionKey: string): string {
  return `${tablePrefix}ws${createHash('sha256').update(partitionKey).digest('hex').slice(0, 20)}`;
}

export const PROGRAMME_PARTITION = 'programme';

/**
 * Chats' links to programmes, beside the programme rows in `{p}programmes`, so a command reads
 * both in one query (tables-programme-reads.ts). They were in `{p}links` until moved at start.
 */
export const LINK_PARTITION = 'link';

export const planKeys = {
  workstreams: (programmeId: string, version: string) =>
    joinKey(codeKey(programmeId), version, 'workstreams'),
  refs: (programmeId: string, version: string) => joinKey(codeKey(programmeId), version, 'refs'),
  measures: (programmeId: string, version: string) =>
    joinKey(codeKey(programmeId), version, 'measures'),
};

/**
 * One partition per workstream holds its action definitions (`d|version|ref`, and packed
 * together in `c|version|n` rows, versioned with the plan), each action's current status
 * (`s|ref`), the date a decider approved for it (`s|ref|agreed`) and its history
 * (`u|ref|newest-first`). `/status EHC` is one query of the packs and status rows; an update
 * is one transaction.
 */
export const statusKeys = {
  partition: (programmeId: string, workstream: string) =>
    joinKey(codeKey(programmeId), codeKey(workstream)),
  definition: (version: string, ref: string) => joinKey('d', version, codeKey(ref)),
  /** Every definition of a version again, packed a few hundred KB to a row for listing. */
  pack: (version: string, index: number) => joinKey('c', version, String(index).padStart(4, '0')),
  /** Row keys below this are packs. */
  definitionsStart: 'd',
  current: (ref: string) => joinKey('s', codeKey(ref)),
  /**
   * The latest approved date (`AgreedDue`), beside the status row rather than in it, so that
   * keeping it leaves the status row's ETag, which cards carry, as it was.
   */
  agreed: (ref: string) => joinKey('s', codeKey(ref), 'agreed'),
  history: (update: { readonly ref: string; readonly at: string; readonly id: string }) =>
    joinKey('u', codeKey(update.ref), historyOrderKey(update)),
  historyOf: (ref: string) => joinKey('u', codeKey(ref)),
};

const aadIndexKey = (encodedId: string): string => joinKey('aad', encodedId);

export const peopleKeys = {
  person: 'person',
  /**
   * A person's Entra object id, indexed beside their row in partition `person`, so a person
   * and their index are written in one transaction. (`|` never survives encoding, so no
   * email's key starts so.)
   */
  aad: (aadObjectId: string) => aadIndexKey(encodeKeyPart(aadObjectId)),
  /** Where versions before the index moved kept it, keyed by the object id alone. */
  oldAadPartition: 'aad',
  /** The index row's key for a row key of {@link peopleKeys.oldAadPartition}. */
  aadOfOldKey: (oldRowKey: string) => aadIndexKey(oldRowKey),
  /** Partition of the roles table listing what one email holds. */
  rolesOf: (emailKey: string) => joinKey('by', emailKey),
};

/**
 * Plan versions made since the reference index was spread over partitions begin with this
 * letter (those before, with `v`); it sorts after `v`, so versions still sort by age.
 */
export const VERSION_LETTER = 'w';

/**
 * A reference's row of a version's index. Azurite compares every row of a partition on each
 * write to it, so one partition of 10,000 references made an import's cost grow with the
 * square of the plan; the index is spread over 16 partitions, `prog|ver|refs|h`, `h` the
 * first hex digit of the SHA-256 of the reference's key. Older versions keep `prog|ver|refs`.
 */
export function refKeys(programmeId: string, version: string, ref: string) {
  const rowKey = codeKey(ref);
  const whole = planKeys.refs(programmeId, version);
  if (!version.startsWith(VERSION_LETTER)) return { partitionKey: whole, rowKey };
  const spread = createHash('sha256').update(rowKey).digest('hex').slice(0, 1);
  return { partitionKey: joinKey(whole, spread), rowKey };
}

/** A version's whole reference index, in either layout: one range of partition keys. */
export function refsFilter(programmeId: string, version: string): string {
  const whole = planKeys.refs(programmeId, version);
  return `PartitionKey ge '${escape(whole)}' and PartitionKey lt '${escape(prefixEnd(whole))}'`;
}

/** Rows whose key starts with `prefix|`, as an OData range on one key. */
export function startsWith(key: 'PartitionKey' | 'RowKey', prefix: string): string {
  return `${key} ge '${escape(`${prefix}|`)}' and ${key} lt '${escape(prefixEnd(prefix))}'`;
}

export function inPartition(partitionKey: string): string {
  return odata`PartitionKey eq ${partitionKey}`;
}

function escape(text: string): string {
  return text.replace(/'/g, "''");
}

/** The plan version readers see, or null when the programme has no plan yet. */
export async function activeVersion(
  tables: TablesContext,
  programmeId: string,
): Promise<string | null> {
  const row = await readRow(tables.programmes, PROGRAMME_PARTITION, codeKey(programmeId));
  return typeof row?.activeVersion === 'string' ? row.activeVersion : null;
}

/** Which workstream an action is in, in plan `version` (null: no plan yet). */
export async function locateAction(
  tables: TablesContext,
  programmeId: string,
  ref: string,
  version: string | null,
): Promise<{ readonly version: string; readonly workstream: string } | null> {
  if (version === null) return null;
  // A version's reference index never changes, so what it said once it says for good.
  const memo = locatedIn(tables);
  const key = joinKey(codeKey(programmeId), version, codeKey(ref));
  const known = memo.get(key);
  if (known !== undefined) return { version, workstream: known };
  const keys = refKeys(programmeId, version, ref);
  const row = await readRow(tables.plans, keys.partitionKey, keys.rowKey);
  if (!row || typeof row.workstream !== 'string') return null;
  if (memo.size >= 50_000) memo.clear();
  memo.set(key, row.workstream);
  return { version, workstream: row.workstream };
}

/** Notes where an action is in `version`, as a read of its partition has just shown. */
export function noteLocated(
  tables: TablesContext,
  programmeId: string,
  ref: string,
  located: { readonly version: string; readonly workstream: string },
): void {
  const memo = locatedIn(tables);
  if (memo.size >= 50_000) memo.clear();
  memo.set(joinKey(codeKey(programmeId), located.version, codeKey(ref)), located.workstream);
}

const located = new WeakMap<TablesContext, Map<string, string>>();

function locatedIn(tables: TablesContext): Map<string, string> {
  const found = located.get(tables) ?? new Map<string, string>();
  located.set(tables, found);
  return found;
}
