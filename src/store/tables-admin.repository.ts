import { odata, type TableClient } from '@azure/data-tables';
import type { AdminRepository, StoredAdmin } from './admin.repository.js';
import { encodeKeyPart } from './keys.js';
import {
  azureStatus,
  createRow,
  deleteRow,
  queryRows,
  readRow,
  unexpected,
  type ReadRow,
} from './tables-support.js';

/** Every admin in one partition: a handful of rows, read in one query. */
const PARTITION = 'admin';

const keyOf = (id: string): string => encodeKeyPart(id.trim().toLowerCase());

function fromRow(row: ReadRow): StoredAdmin {
  return { id: String(row.id), addedBy: String(row.addedBy), addedAt: String(row.addedAt) };
}

/** {@link AdminRepository} on Azure Tables, in its own table. */
export function createTablesAdminRepository(table: TableClient): AdminRepository {
  return {
    async list() {
      const rows = await queryRows(table, odata`PartitionKey eq ${PARTITION}`);
      return rows.map(fromRow);
    },
    async get(id) {
      const row = await readRow(table, PARTITION, keyOf(id));
      return row ? fromRow(row) : null;
    },
    async add(admin) {
      const id = admin.id.trim().toLowerCase();
      try {
        await createRow(table, { partitionKey: PARTITION, rowKey: keyOf(id), ...admin, id });
        return true;
      } catch (error) {
        if (azureStatus(error) === 409) return false;
        throw unexpected(`adding admin ${id}`, error);
      }
    },
    async remove(id) {
      try {
        await deleteRow(table, PARTITION, keyOf(id));
        return true;
      } catch (error) {
        if (azureStatus(error) === 404) return false;
        throw unexpected(`removing admin ${id}`, error);
      }
    },
  };
}
