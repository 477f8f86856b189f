import { odata } from '@azure/data-tables';
import type { Programme } from '../domain/programme.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { ActionRepository, FoundAction } from './action.repository.js';
import { aimText, noteAimChecked, parseAim, type Aim } from './tables-action-aim.js';
import { codeKey, compareRefs, decodeKeyPart, joinKey } from './keys.js';
import { keepRowsRead } from './tables-rows-read.js';
import { SUMMARY_ROW } from './tables-summary.js';
import { byNewest, byWorkstreamThenRef } from './memory-state.js';
import {
  activeVersion,
  inPartition,
  locateAction,
  noteLocated,
  planKeys,
  refsFilter,
  startsWith,
  statusKeys,
  type TablesContext,
} from './tables-layout.js';
import { getJson, queryWorkstreamRows, type ReadRow } from './tables-support.js';
import { settingsCopied } from './tables-settings-copy.js';
import { keepDefinitions, keptDefinitions, planRows } from './tables-plan-memo.js';
import {
  combine,
  packedDefinitions,
  packsAndStatus,
  packsOf,
  planPartitions,
  statusRows,
  toAction,
} from './tables-action-rows.js';
import { listOwnedCopies } from './tables-owned-copies.js';
import {
  FENCE_ROW,
  fenceOf,
  fencedVersion,
  forgetVersion,
  freshProgrammeRow,
  freshVersion,
  isSuperseded,
  SUPERSEDED,
  withFence,
  withFencedVersion,
} from './tables-version-fence.js';
import { recordUpdateInTables } from './tables-record-update.js';
import { keepAgreedDueInTables } from './tables-agreed-due.js';

export function createTablesActionRepository(tables: TablesContext): ActionRepository {
  const readPartition = (partition: string, filter: string) =>
    queryWorkstreamRows(tables.status(partition), `${inPartition(partition)} and ${filter}`);

  /**
   * The action's definition and status, the fence, and `beside` (its workstream's summary, so a
   * Save that follows can take all it needs from this read, or its history) in one query of
   * its workstream's partition; superseded when a newer plan's promotion has reached it.
   */
  const readLocated = async (
    programmeId: string,
    ref: string,
    located: Aim,
    beside: 'summary' | 'history',
  ) => {
    const partition = statusKeys.partition(programmeId, located.workstream);
    const definitionKey = statusKeys.definition(located.version, ref);
    const statusKey = statusKeys.current(ref);
    const agreedKey = statusKeys.agreed(ref);
    const besides =
      beside === 'summary'
        ? odata`RowKey eq ${SUMMARY_ROW}`
        : `(${startsWith('RowKey', statusKeys.historyOf(ref))})`;
    const rows = await readPartition(
      partition,
      withFence(
        `${odata`RowKey eq ${definitionKey}`} or ${odata`RowKey eq ${statusKey}`} or ` +
          `${odata`RowKey eq ${agreedKey}`} or ${besides}`,
      ),
    );
    const definition = rows.find((row) => row.rowKey === definitionKey);
    const fence = fenceOf(rows);
    if (!definition || isSuperseded(fence, located.version)) return SUPERSEDED;
    const status = rows.find((row) => row.rowKey === statusKey) ?? null;
    const agreed = rows.find((row) => row.rowKey === agreedKey) ?? null;
    return {
      rows,
      rowsKey: joinKey(partition, definitionKey),
      action: toAction(definition, status, agreed),
    };
  };

  /**
   * The action where it was located, with the rows a Save may take from this read, and the
   * programme's settings when the fence holds a copy it vouches for (tables-settings-copy.ts)
   * or `programmeRow` was read afresh for this read.
   */
  const found = (
    read: Exclude<Awaited<ReturnType<typeof readLocated>>, typeof SUPERSEDED>,
    located: Aim,
    programmeRow?: ReadRow | null,
  ): FoundAction => {
    keepRowsRead(tables, read.rowsKey, read.rows);
    const programme = programmeRow
      ? getJson<Programme>(programmeRow, 'json')
      : settingsCopied(fenceOf(read.rows), located.version);
    return { ...read.action, aim: aimText(located), ...(programme ? { programme } : {}) };
  };

  const readAction = async (
    programmeId: string,
    ref: string,
    located: Aim,
    programmeRow?: ReadRow | null,
  ): Promise<FoundAction | typeof SUPERSEDED> => {
    const read = await readLocated(programmeId, ref, located, 'summary');
    return read === SUPERSEDED ? SUPERSEDED : found(read, located, programmeRow);
  };

  const repository: ActionRepository = {
    async listByWorkstream(programmeId, workstream) {
      // One partition query; the version pointer is read alongside it, not before it, and
      // read again only when the partition's fence says a newer plan has reached it. Once a
      // version's definitions are kept, the query asks for the status rows only.
      const partition = statusKeys.partition(programmeId, workstream);
      const kept = keptDefinitions(tables, partition);
      const [seen, rows] = await Promise.all([
        fencedVersion(tables, programmeId),
        readPartition(partition, withFence(kept ? statusRows : packsAndStatus)),
      ]);
      let version = seen.version;
      if (version !== null && isSuperseded(fenceOf(rows), version)) {
        forgetVersion(tables, programmeId);
        version = await freshVersion(tables, programmeId);
      }
      if (version === null) return [];
      let definitions = kept?.version === version ? kept.actions : undefined;
      if (!definitions) {
        // Kept, but of a version since replaced: this one's packs, asked for on their own.
        const packs = kept ? await readPartition(partition, packsOf(version)) : rows;
        definitions = packedDefinitions(version, packs);
        // A version's rows are all written before its switch, so packs asked for once it was
        // known are all there. Packs read beside a fresh look at the version may have been
        // read before it was written: good for this answer, not to keep.
        if (kept || (!seen.fresh && version === seen.version)) {
          keepDefinitions(tables, partition, version, definitions);
        }
      }
      return combine(version, rows, definitions).sort(byWorkstreamThenRef);
    },

    async listByProgramme(programmeId) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const { partitions } = await planPartitions(tables, programmeId, version);
      const rows = await Promise.all(partitions.map((p) => readPartition(p, packsAndStatus)));
      return rows.flatMap((list) => combine(version, list)).sort(byWorkstreamThenRef);
    },

    async listRefs(programmeId) {
      // Plan rows, read once per plan version (tables-plan-memo.ts).
      const rows = await planRows(tables, programmeId, {
        partition: planKeys.refs,
        filter: refsFilter,
        select: ['RowKey', 'ref'],
        neverEmpty: true,
      });
      // A plan stored before the index kept the spelling gives its key, in capitals.
      return rows
        .map((row) => (typeof row.ref === 'string' ? row.ref : decodeKeyPart(row.rowKey ?? '')))
        .sort(compareRefs);
    },

    listByOwnerRoles: (programmeId, roles) => listOwnedCopies(tables, programmeId, roles),

    async get(programmeId, ref, aimed) {
      // A form's Save names where the form found the action: read there at once. Trusted
      // when the partition's fence names that plan version; otherwise the programme row says
      // which version is current (and gives the settings the Save needs) and the read made
      // is used if it was of that version, else the action is looked for there.
      const aim = parseAim(aimed);
      if (aim) {
        const atAim = await readLocated(programmeId, ref, aim, 'summary');
        if (atAim !== SUPERSEDED && fenceOf(atAim.rows)?.version === aim.version) {
          noteLocated(tables, programmeId, ref, aim);
          noteAimChecked(tables, programmeId, ref, aim.version);
          return found(atAim, aim);
        }
        const fresh = await freshProgrammeRow(tables, programmeId);
        if (atAim !== SUPERSEDED && fresh.version === aim.version) {
          noteLocated(tables, programmeId, ref, aim);
          return found(atAim, aim, fresh.row);
        }
        const located = await locateAction(tables, programmeId, ref, fresh.version);
        const again = located && (await readAction(programmeId, ref, located, fresh.row));
        return again && again !== SUPERSEDED ? again : null;
      }
      return withFencedVersion(
        tables,
        programmeId,
        async (version) => {
          const located = await locateAction(tables, programmeId, ref, version);
          return located ? readAction(programmeId, ref, located) : SUPERSEDED;
        },
        null,
      );
    },

    keepAgreedDue: (programmeId, ref, agreed) =>
      keepAgreedDueInTables(tables, programmeId, ref, agreed),

    withHistory: (programmeId, ref) =>
      withFencedVersion(
        tables,
        programmeId,
        async (version) => {
          const located = await locateAction(tables, programmeId, ref, version);
          // Not in the plan the turn read (at most a second ago): not found, as a read a
          // second earlier would have said. A word mistyped costs no second look-up.
          if (!located) return null;
          const read = await readLocated(programmeId, ref, located, 'history');
          if (read === SUPERSEDED) return SUPERSEDED;
          const historyStart = `${statusKeys.historyOf(ref)}|`;
          return {
            action: read.action,
            // Row keys put the newest first.
            history: read.rows
              .filter((row) => (row.rowKey ?? '').startsWith(historyStart))
              .map((row) => getJson<StatusUpdate>(row, 'json')),
          };
        },
        null,
      ),

    history: (programmeId, ref) =>
      withFencedVersion(
        tables,
        programmeId,
        async (version) => {
          const located = await locateAction(tables, programmeId, ref, version);
          if (!located) return SUPERSEDED;
          const partition = statusKeys.partition(programmeId, located.workstream);
          const rows = await readPartition(
            partition,
            withFence(startsWith('RowKey', statusKeys.historyOf(ref))),
          );
          if (isSuperseded(fenceOf(rows), located.version)) return SUPERSEDED;
          return rows
            .filter((row) => row.rowKey !== FENCE_ROW)
            .map((row) => getJson<StatusUpdate>(row, 'json'));
        },
        [],
      ),

    async historyOfProgramme(programmeId) {
      const version = await activeVersion(tables, programmeId);
      if (version === null) return [];
      const { partitions, refs } = await planPartitions(tables, programmeId, version);
      const rows = await Promise.all(
        partitions.map((p) => readPartition(p, startsWith('RowKey', 'u'))),
      );
      return rows
        .flat()
        .map((row) => getJson<StatusUpdate>(row, 'json'))
        .filter((update) => refs.has(codeKey(update.ref)))
        .sort(byNewest);
    },

    recordUpdate: (update, expectedEtag) => recordUpdateInTables(tables, update, expectedEtag),
  };
  return repository;
}
