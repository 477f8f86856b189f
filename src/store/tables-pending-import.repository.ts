import type { TableClient } from '@azure/data-tables';
import { encodeKeyPart } from './keys.js';
import type { PendingImport, PendingImportRepository } from './pending-import.repository.js';
import {
  azureStatus,
  deleteRow,
  readRow,
  unexpected,
  upsertRow,
  type ReadRow,
} from './tables-support.js';

/** Every pending import in one partition, keyed by id: Confirm is one point read. */
const PARTITION = 'pending';

function fromRow(row: ReadRow): PendingImport {
  return {
    id: String(row.id),
    fileName: String(row.fileName),
    downloadUrl: String(row.downloadUrl),
    programmeId: String(row.programmeId),
    fingerprint: String(row.fingerprint),
    requestedBy: typeof row.requestedBy === 'string' ? row.requestedBy : null,
    expiresAt: String(row.expiresAt),
  };
}

/**
 * {@link PendingImportRepository} on Azure Tables, in its own table, so a Confirm handled by
 * another instance than the preview finds it.
 */
export function createTablesPendingImportRepository(table: TableClient): PendingImportRepository {
  return {
    async save(pending) {
      const { requestedBy, ...rest } = pending;
      const row = {
        partitionKey: PARTITION,
        rowKey: encodeKeyPart(pending.id),
        ...rest,
        ...(requestedBy === null ? {} : { requestedBy }),
      };
      try {
        await upsertRow(table, row, 'Replace');
      } catch (error) {
        throw unexpected(`saving the pending import of ${pending.fileName}`, error);
      }
    },
    async get(id) {
      const row = await readRow(table, PARTITION, encodeKeyPart(id));
      return row ? fromRow(row) : null;
    },
    async remove(id) {
      try {
        await deleteRow(table, PARTITION, encodeKeyPart(id));
        return true;
      } catch (error) {
        if (azureStatus(error) === 404) return false;
        throw unexpected(`removing pending import ${id}`, error);
      }
    },
  };
}
