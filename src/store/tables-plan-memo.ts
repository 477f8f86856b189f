import type { Action } from '../domain/action.js';
import { inPartition, type TablesContext } from './tables-layout.js';
import { queryRows, type ReadRow } from './tables-support.js';
import { SUPERSEDED, withFencedVersion } from './tables-version-fence.js';

/**
 * Rows of one plan version's partition (its workstreams, its measures, its reference index),
 * kept in memory by partition key. A version's rows are all written before the switch that
 * makes it readable and never changed after, so what a read found once it finds for good:
 * a chat turn asks storage for them once per process and plan, not once per turn. The
 * version is the one the turn's programme look-up read ({@link withFencedVersion}).
 */
const keptBy = new WeakMap<TablesContext, Map<string, readonly ReadRow[]>>();

/** A few programmes' plans, a few partitions each; an import's new version starts afresh. */
const MAX_PARTITIONS = 200;

function keptIn(tables: TablesContext): Map<string, readonly ReadRow[]> {
  const found = keptBy.get(tables) ?? new Map<string, readonly ReadRow[]>();
  keptBy.set(tables, found);
  return found;
}

export interface PlanRowsOptions {
  /** The partition of `version` to read. */
  readonly partition: (programmeId: string, version: string) => string;
  /** Which of its rows, when not the whole partition (the keys of `partition` and the rest). */
  readonly filter?: (programmeId: string, version: string) => string;
  readonly select?: readonly string[];
  /**
   * Whether a plan always has rows here (workstreams, refs): none then means the version was
   * replaced and tidied since it was read, so the programme row is read again. Measures may
   * be none, and are kept as none.
   */
  readonly neverEmpty: boolean;
}

/** The rows of one partition of the programme's active plan: [] when it has no plan. */
export function planRows(
  tables: TablesContext,
  programmeId: string,
  options: PlanRowsOptions,
): Promise<readonly ReadRow[]> {
  const kept = keptIn(tables);
  return withFencedVersion<readonly ReadRow[]>(
    tables,
    programmeId,
    async (version) => {
      if (version === null) return [];
      const key = options.partition(programmeId, version);
      const known = kept.get(key);
      if (known) return known;
      const filter = options.filter?.(programmeId, version) ?? inPartition(key);
      const rows = await queryRows(tables.plans, filter, options.select);
      if (rows.length === 0 && options.neverEmpty) return SUPERSEDED;
      if (kept.size >= MAX_PARTITIONS) kept.clear();
      kept.set(key, rows);
      return rows;
    },
    [],
  );
}

/**
 * The action definitions of a workstream partition in one plan version, parsed. Like the rows
 * above, a version's packs are written before its switch and never changed after, so a
 * workstream's `/status` reads them once per process and plan, and then only the status rows
 * that change with every update.
 */
export interface KeptDefinitions {
  readonly version: string;
  readonly actions: readonly Action[];
}

const definitionsBy = new WeakMap<TablesContext, Map<string, KeptDefinitions>>();

/** About 5 MB: every workstream of a 5,000-action programme, or the most asked of a larger. */
const MAX_KEPT_ACTIONS = 5_000;

function definitionsIn(tables: TablesContext): Map<string, KeptDefinitions> {
  const found = definitionsBy.get(tables) ?? new Map<string, KeptDefinitions>();
  definitionsBy.set(tables, found);
  return found;
}

/** What {@link keepDefinitions} kept for this workstream partition, of whichever version. */
export function keptDefinitions(
  tables: TablesContext,
  partition: string,
): KeptDefinitions | undefined {
  return definitionsIn(tables).get(partition);
}

/** Keeps a partition's definitions of `version`, in place of any older version's. */
export function keepDefinitions(
  tables: TablesContext,
  partition: string,
  version: string,
  actions: readonly Action[],
): void {
  const kept = definitionsIn(tables);
  kept.delete(partition);
  let total = actions.length;
  for (const entry of kept.values()) total += entry.actions.length;
  // The oldest kept go first (a Map iterates in the order entries were set).
  for (const [key, entry] of kept) {
    if (total <= MAX_KEPT_ACTIONS) break;
    kept.delete(key);
    total -= entry.actions.length;
  }
  if (actions.length <= MAX_KEPT_ACTIONS) kept.set(partition, { version, actions });
}
