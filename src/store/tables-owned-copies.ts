import type { Action } from '../domain/action.js';
import type { Versioned } from './versioned.js';
import { codeKey, joinKey } from './keys.js';
import { byWorkstreamThenRef } from './memory-state.js';
import { activeVersion, inPartition, startsWith, type TablesContext } from './tables-layout.js';
import { refreshSummaries } from './tables-summary.js';
import { getJson, hasText, queryRows } from './tables-support.js';
import { toAction } from './tables-action-rows.js';

/** Azure allows 15 comparisons in a filter: the partition and two per role. */
const ROLES_PER_QUERY = 7;

/**
 * `/mine`: the owners' copies of the actions (`o|role|ws|ref` in the programme's summaries
 * partition, kept by every update and plan import; see tables-summary.ts), so the actions of
 * up to seven roles, with their status, are one query of one partition.
 */
export async function listOwnedCopies(
  tables: TablesContext,
  programmeId: string,
  roles: readonly string[],
): Promise<Versioned<Action>[]> {
  const partition = codeKey(programmeId);
  const read = async () => {
    const groups: string[][] = [];
    const wanted = [...new Set(roles.map(codeKey))];
    for (let i = 0; i < wanted.length; i += ROLES_PER_QUERY) {
      groups.push(wanted.slice(i, i + ROLES_PER_QUERY));
    }
    const rows = await Promise.all(
      groups.map((group) =>
        queryRows(
          tables.summaries,
          `${inPartition(partition)} and (${group
            .map((role) => `(${startsWith('RowKey', joinKey('o', role))})`)
            .join(' or ')})`,
        ),
      ),
    );
    return rows.flat();
  };
  let rows = await read();
  if (rows.length === 0 && roles.length > 0 && (await needsSummaries(tables, programmeId))) {
    rows = await read();
  }
  return rows
    .map((row) => {
      const rated = hasText(row, 'current');
      const definition = getJson<Action>(row, 'json');
      return rated
        ? toAction(definition, { ...row, etag: row.statusEtag })
        : toAction(definition, null);
    })
    .sort(byWorkstreamThenRef);
}

/** A plan stored before summaries were kept gets them (and owners' copies) now. */
async function needsSummaries(tables: TablesContext, programmeId: string): Promise<boolean> {
  const kept = await queryRows(
    tables.summaries,
    `${inPartition(codeKey(programmeId))} and ${startsWith('RowKey', 'w')}`,
    ['RowKey'],
  );
  if (kept.length > 0) return false;
  const version = await activeVersion(tables, programmeId);
  if (version === null) return false;
  await refreshSummaries(tables, programmeId, version);
  return true;
}
