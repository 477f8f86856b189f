import type { TableClient } from '@azure/data-tables';
import { agreedDueOf, replacesAgreed, type AgreedDue } from '../domain/agreed-due.js';
import { codeKey } from './keys.js';
import type { Store } from './store.js';
import { readRow, unexpected, upsertRow } from './tables-support.js';

/** In a programme's `revisions` partition: its approvals decided before were kept. */
const KEPT_MARK = 'k|agreed-dates';

/**
 * Approvals decided before an approved date was kept on the action's record (30 Nov 2026), or
 * by an older version since, are kept now: the latest approval of each action, as deciding it
 * would have kept it. Once per programme: a mark in its `revisions` partition says it is done,
 * so later starts read one row per programme. A start cut short does it again, harmlessly.
 */
export async function keepEarlierApprovals(
  store: Pick<Store, 'programmes' | 'actions' | 'revisions'>,
  revisionsTable: TableClient,
): Promise<void> {
  for (const programme of await store.programmes.list()) {
    const partitionKey = codeKey(programme.id);
    if (await readRow(revisionsTable, partitionKey, KEPT_MARK)) continue;
    const latest = new Map<string, { readonly ref: string; readonly agreed: AgreedDue }>();
    for (const request of await store.revisions.listForProgramme(programme.id)) {
      const agreed = agreedDueOf(request);
      const key = codeKey(request.ref);
      if (agreed && replacesAgreed(latest.get(key)?.agreed ?? null, agreed)) {
        latest.set(key, { ref: request.ref, agreed });
      }
    }
    for (const { ref, agreed } of latest.values()) {
      await store.actions.keepAgreedDue(programme.id, ref, agreed);
    }
    try {
      await upsertRow(
        revisionsTable,
        {
          partitionKey,
          rowKey: KEPT_MARK,
          keptAt: new Date().toISOString(),
        },
        'Merge',
      );
    } catch (error) {
      throw unexpected(`marking the approved dates of ${programme.id} kept`, error);
    }
  }
}
