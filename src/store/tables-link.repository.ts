import { odata, type TableClient } from '@azure/data-tables';
import { codeKey, encodeKeyPart } from './keys.js';
import type { ConversationLink, LinkRepository } from './link.repository.js';
import { azureStatus, queryRows, readRow, unexpected, type ReadRow } from './tables-support.js';

/**
 * Every link in one partition, keyed by conversation: a command's lookup is a point read and
 * a programme's board channels are one partition query (there are few links).
 */
const PARTITION = 'link';

function fromRow(row: ReadRow): ConversationLink {
  return {
    conversationKey: String(row.conversationKey),
    programmeId: String(row.programmeId),
    board: row.board === true,
    linkedBy: String(row.linkedBy),
    linkedAt: String(row.linkedAt),
  };
}

/** {@link LinkRepository} on Azure Tables, in its own table. */
export function createTablesLinkRepository(table: TableClient): LinkRepository {
  return {
    async get(conversationKey) {
      const row = await readRow(table, PARTITION, encodeKeyPart(conversationKey));
      return row ? fromRow(row) : null;
    },
    async save(link) {
      const row = {
        partitionKey: PARTITION,
        rowKey: encodeKeyPart(link.conversationKey),
        programmeKey: codeKey(link.programmeId),
        ...link,
      };
      try {
        await table.upsertEntity(row, 'Replace');
      } catch (error) {
        throw unexpected(`linking ${link.conversationKey} to ${link.programmeId}`, error);
      }
    },
    async remove(conversationKey) {
      try {
        await table.deleteEntity(PARTITION, encodeKeyPart(conversationKey));
        return true;
      } catch (error) {
        if (azureStatus(error) === 404) return false;
        throw unexpected(`unlinking ${conversationKey}`, error);
      }
    },
    async listBoard(programmeId) {
      const filter = odata`PartitionKey eq ${PARTITION} and programmeKey eq ${codeKey(programmeId)} and board eq true`;
      const rows = await queryRows(table, filter);
      return rows.map(fromRow);
    },
  };
}
