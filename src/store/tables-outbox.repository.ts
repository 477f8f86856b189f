import { odata } from '@azure/data-tables';
import { encodeKeyPart } from './keys.js';
import { byNotBeforeThenKey, PENDING_STATES } from './memory-outbox.repository.js';
import type { OutboxMessage, OutboxRepository } from './outbox.repository.js';
import type { TablesContext } from './tables-layout.js';
import {
  assertRowFits,
  azureStatus,
  createRow,
  firstRows,
  getJson,
  putJson,
  readRow,
  unexpected,
  updateRow,
  type ReadRow,
  type Row,
} from './tables-support.js';

/** One partition: the outbox is read by the sender, never by a chat command. */
const OUTBOX = 'outbox';

function toRow(message: OutboxMessage): Row {
  const row: Row = {
    partitionKey: OUTBOX,
    rowKey: encodeKeyPart(message.key),
    state: message.state,
    notBefore: message.notBefore,
  };
  putJson(row, 'json', message);
  assertRowFits(row, `outbox message ${message.key}`);
  return row;
}

const toEntry = (row: ReadRow) => ({ value: getJson<OutboxMessage>(row, 'json'), etag: row.etag });

export function createTablesOutboxRepository(tables: TablesContext): OutboxRepository {
  return {
    async add(message) {
      try {
        await createRow(tables.outbox, toRow(message));
        return true;
      } catch (error) {
        if (azureStatus(error) === 409) return false;
        throw unexpected(`adding outbox message ${message.key}`, error);
      }
    },
    async get(key) {
      const row = await readRow(tables.outbox, OUTBOX, encodeKeyPart(key));
      return row ? toEntry(row) : null;
    },
    async listPending(now, limit, programmeId) {
      const rows = await pendingRows(tables, now, limit, programmeId, null);
      return rows.map(toEntry).sort(byNotBeforeThenKey);
    },
    async pagePending(now, limit, programmeId, from) {
      const rows = await pendingRows(tables, now, limit, programmeId, from);
      const last = rows.length < limit ? undefined : rows.at(-1);
      return {
        rows: rows.map(toEntry).sort(byNotBeforeThenKey),
        next: last?.rowKey ?? null,
      };
    },
    async update(message, etag) {
      try {
        const response = await updateRow(tables.outbox, toRow(message), 'Replace', { etag });
        return { ok: true, etag: response.etag ?? '' };
      } catch (error) {
        if ([404, 412].includes(azureStatus(error) ?? 0)) return { ok: false };
        throw unexpected(`updating outbox message ${message.key}`, error);
      }
    },
    async listByState(state, limit) {
      const rows = await firstRows(
        tables.outbox,
        odata`PartitionKey eq ${OUTBOX} and state eq ${state}`,
        limit,
      );
      return rows
        .map(toEntry)
        .sort(byNotBeforeThenKey)
        .map((entry) => entry.value);
    },
  };
}

/**
 * Due pending rows in key order. From `from` (a row key), Azure starts its scan there, so a
 * page read late in a fan-out does not walk past every row already sent.
 */
async function pendingRows(
  tables: TablesContext,
  now: Date,
  limit: number,
  programmeId: string | undefined,
  from: string | null,
): Promise<ReadRow[]> {
  const states = PENDING_STATES.map((state) => odata`state eq ${state}`).join(' or ');
  // Keys start `programme|`, stored encoded: `|` is `%7c`, so `%7d` ends the range.
  const prefix = programmeId === undefined ? null : encodeKeyPart(programmeId);
  const range =
    prefix === null ? '' : odata` and RowKey ge ${`${prefix}%7c`} and RowKey lt ${`${prefix}%7d`}`;
  const after = from === null ? '' : odata` and RowKey gt ${from}`;
  return firstRows(
    tables.outbox,
    odata`PartitionKey eq ${OUTBOX} and notBefore le ${now.toISOString()}` +
      `${range}${after} and (${states})`,
    limit,
  );
}
