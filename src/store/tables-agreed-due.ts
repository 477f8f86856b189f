import type { TransactionAction } from '@azure/data-tables';
import { withAgreedDue } from '../domain/action.js';
import { agreedDueFor, replacesAgreed, type AgreedDue } from '../domain/revision.js';
import { changeSummary } from '../domain/status-summary.js';
import { agreedFromRow, agreedRow, toAction } from './tables-action-rows.js';
import { locateAction, type TablesContext } from './tables-layout.js';
import { actionRows, ATTEMPTS, fenceCheck, refreshOne } from './tables-record-update.js';
import { ownedRow, summaryRow, writeCopies } from './tables-summary.js';
import { azureStatus, unexpected } from './tables-support.js';
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
    const { partition, table, definition, status, agreed: keptAgreed, kept, fence } = target;
    if (keptAgreed && !replacesAgreed(agreedFromRow(keptAgreed), agreed)) return true;
    const before = toAction(definition, status, keptAgreed).value;
    const after = withAgreedDue(before, agreedDueFor(before, agreed));
    const next = kept && {
      summary: changeSummary(kept.summary, before, after),
      seq: kept.seq + 1,
    };
    const row = agreedRow(partition, ref, agreed);
    const actions: TransactionAction[] = [
      keptAgreed ? ['update', row, 'Replace', { etag: keptAgreed.etag }] : ['create', row],
      fenceCheck(partition, located.version, fence),
    ];
    if (kept && next) {
      actions.push([
        'update',
        summaryRow(partition, next.summary, next.seq),
        'Replace',
        { etag: kept.etag },
      ]);
    }
    try {
      await table.submitTransaction(actions);
    } catch (error) {
      // 409: another approval was kept first; 412: it, the summary or the fence moved on.
      if ([404, 409, 412].includes(azureStatus(error) ?? 0) && attempt < ATTEMPTS) continue;
      throw unexpected(`keeping the approved date of ${ref}`, error);
    }
    const owned = ownedRow(programmeId, { ...after, current: null }, status);
    const copied =
      next !== null && (await writeCopies(tables, programmeId, located.workstream, next, owned));
    if (!copied) await refreshOne(tables, programmeId, located.version, located.workstream);
    return true;
  }
}
