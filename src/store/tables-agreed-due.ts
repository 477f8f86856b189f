import type { TransactionAction } from '@azure/data-tables';
import { withAgreedDue } from '../domain/action.js';
import { agreedDueFor, replacesAgreed, type AgreedDue } from '../domain/agreed-due.js';
import { agreedFromRow, agreedRow, toAction } from './tables-action-rows.js';
import { locateAction, type TablesContext } from './tables-layout.js';
import { actionRows, ATTEMPTS, refreshOne, summaryAndFence } from './tables-record-update.js';
import { ownedRow, writeCopies } from './tables-summary.js';
import { azureStatus, transact, unexpected } from './tables-support.js';
import {
  fencedVersion,
  forgetVersion,
  freshVersion,
  isSuperseded,
} from './tables-version-fence.js';

/**
 * Keeps an approved date in the action's `s|ref|agreed` row, in one transaction with the
 * workstream's summary (at the ETag it was read with) and the fence, as a Save does; then
 * the summary's copy and the owner's copy of the action. The status row is not written, so
 * its ETag, which cards carry, stays as it was.
 */
export async function keepAgreedDueInTables(
  tables: TablesContext,
  programmeId: string,
  ref: string,
  agreed: AgreedDue,
): Promise<boolean> {
  let seen = await fencedVersion(tables, programmeId);
  for (let attempt = 1; ; attempt += 1) {
    const located = await locateAction(tables, programmeId, ref, seen.version);
    const target = located && (await actionRows(tables, programmeId, ref, located));
    // Not in the plan as read, or a newer plan has reached the partition: look again afresh.
    if (!target || isSuperseded(target.fence, located.version)) {
      if (seen.fresh) return false;
      forgetVersion(tables, programmeId);
      seen = { version: await freshVersion(tables, programmeId), fresh: true };
      continue;
    }
    const { partition, table, definition, status, agreed: keptAgreed } = target;
    if (keptAgreed && !replacesAgreed(agreedFromRow(keptAgreed), agreed)) return true;
    const before = toAction(definition, status, keptAgreed).value;
    const after = withAgreedDue(before, agreedDueFor(before, agreed));
    const { next, checks } = summaryAndFence(target, before, after);
    const row = agreedRow(partition, ref, agreed);
    const actions: TransactionAction[] = [
      keptAgreed ? ['update', row, 'Replace', { etag: keptAgreed.etag }] : ['create', row],
      ...checks,
    ];
    try {
      await transact(table, actions);
    } catch (error) {
      // 409: another approval was kept first; 412: it, the summary or the fence moved on.
      if ([404, 409, 412].includes(azureStatus(error) ?? 0) && attempt < ATTEMPTS) continue;
      throw unexpected(`keeping the approved date of ${ref}`, error);
    }
    // The definition only: a Save landing meanwhile writes the status columns of its copy.
    const owned = ownedRow(programmeId, { ...after, current: null }, undefined);
    const copied =
      next !== null && (await writeCopies(tables, programmeId, located.workstream, next, owned));
    if (!copied) await refreshOne(tables, programmeId, located.version, located.workstream);
    return true;
  }
}
