import { odata } from '@azure/data-tables';
import { decodeKeyPart, encodeKeyPart } from './keys.js';
import type { LeaseRepository } from './lease.repository.js';
import type { TablesContext } from './tables-layout.js';
import {
  azureStatus,
  createRow,
  deleteRow,
  queryRows,
  readRow,
  unexpected,
  updateRow,
} from './tables-support.js';

const LEASE = 'lease';

/** A row per lease (owner, expiry in ms); every change is conditional on the ETag read. */
export function createTablesLeaseRepository(tables: TablesContext): LeaseRepository {
  return {
    async acquire(name, owner, now, ttlMs) {
      const rowKey = encodeKeyPart(name);
      const held = await readRow(tables.leases, LEASE, rowKey);
      if (held && held.owner !== owner && Number(held.expiresAt) > now.getTime()) return false;
      const row = { partitionKey: LEASE, rowKey, owner, expiresAt: now.getTime() + ttlMs };
      try {
        if (held) await updateRow(tables.leases, row, 'Replace', { etag: held.etag });
        else await createRow(tables.leases, row);
        return true;
      } catch (error) {
        // Another instance took or renewed it between our read and write: it holds it.
        if ([409, 412].includes(azureStatus(error) ?? 0)) return false;
        throw unexpected(`taking lease ${name} for ${owner}`, error);
      }
    },
    async listLive(prefix, now) {
      // Names are stored encoded (`|` is `%7c`), so `name|` prefixes end at `name%7d`.
      const stem = encodeKeyPart(prefix.replace(/\|$/, ''));
      const [start, end] = prefix.endsWith('|')
        ? [`${stem}%7c`, `${stem}%7d`]
        : [stem, `${stem}\uffff`];
      const rows = await queryRows(
        tables.leases,
        odata`PartitionKey eq ${LEASE} and RowKey ge ${start} and RowKey lt ${end}`,
      );
      return rows
        .filter((row) => Number(row.expiresAt) > now.getTime())
        .map((row) => ({ name: decodeKeyPart(row.rowKey ?? ''), owner: String(row.owner) }));
    },
    async release(name, owner) {
      const rowKey = encodeKeyPart(name);
      const held = await readRow(tables.leases, LEASE, rowKey);
      if (!held || held.owner !== owner) return;
      try {
        await deleteRow(tables.leases, LEASE, rowKey, { etag: held.etag });
      } catch (error) {
        // 412/404: it expired and someone else has taken it, which is what release wants.
        if ([404, 412].includes(azureStatus(error) ?? 0)) return;
        throw unexpected(`releasing lease ${name} for ${owner}`, error);
      }
    },
  };
}
