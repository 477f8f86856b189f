import { odata, type TableClient } from '@azure/data-tables';
import { codeKey, encodeKeyPart } from './keys.js';
import type { ConversationLink, LinkRepository } from './link.repository.js';
import { inPartition, LINK_PARTITION, type TablesContext } from './tables-layout.js';
import type { ProgrammeTableReads } from './tables-programme-reads.js';
import {
  azureStatus,
  createRow,
  deleteRow,
  isServiceColumn,
  queryRows,
  readRow,
  unexpected,
  upsertRow,
  type ReadRow,
} from './tables-support.js';

function fromRow(row: ReadRow): ConversationLink {
  return {
    conversationKey: String(row.conversationKey),
    programmeId: String(row.programmeId),
    board: row.board === true,
    linkedBy: String(row.linkedBy),
    linkedAt: String(row.linkedAt),
  };
}

/**
 * {@link LinkRepository} on Azure Tables: every link in one partition of `table` (the
 * programmes table), keyed by conversation. A command's lookup goes with its read of the
 * programmes when `reads` is given, else it is a point read; a programme's board channels are
 * one partition query (there are few links).
 */
export function createTablesLinkRepository(
  table: TableClient,
  reads?: ProgrammeTableReads,
): LinkRepository {
  return {
    async get(conversationKey) {
      const rowKey = encodeKeyPart(conversationKey);
      const row = reads
        ? await reads.linkRow(rowKey)
        : await readRow(table, LINK_PARTITION, rowKey);
      return row ? fromRow(row) : null;
    },
    async save(link) {
      const row = {
        partitionKey: LINK_PARTITION,
        rowKey: encodeKeyPart(link.conversationKey),
        programmeKey: codeKey(link.programmeId),
        ...link,
      };
      try {
        await upsertRow(table, row, 'Replace');
      } catch (error) {
        throw unexpected(`linking ${link.conversationKey} to ${link.programmeId}`, error);
      }
    },
    async remove(conversationKey) {
      try {
        await deleteRow(table, LINK_PARTITION, encodeKeyPart(conversationKey));
        return true;
      } catch (error) {
        if (azureStatus(error) === 404) return false;
        throw unexpected(`unlinking ${conversationKey}`, error);
      }
    },
    async listBoard(programmeId) {
      const filter = odata`PartitionKey eq ${LINK_PARTITION} and programmeKey eq ${codeKey(programmeId)} and board eq true`;
      const rows = await queryRows(table, filter);
      return rows.map(fromRow);
    },
  };
}

/**
 * Moves the links an older version kept in `{p}links` to the programmes table: each is copied
 * (one already there is newer and stays), then deleted from the old table, so a link removed
 * after the move is not brought back by the next start. Run at every start; a start cut short
 * is finished by the next.
 */
export async function moveLinksToProgrammesTable(tables: TablesContext): Promise<void> {
  const old = await queryRows(tables.links, inPartition(LINK_PARTITION));
  for (const row of old) {
    const { partitionKey = LINK_PARTITION, rowKey = '', etag } = row;
    const columns = Object.entries(row).filter(([name]) => !isServiceColumn(name));
    try {
      await createRow(tables.programmes, {
        ...Object.fromEntries(columns),
        partitionKey: LINK_PARTITION,
        rowKey,
      });
    } catch (error) {
      if (azureStatus(error) !== 409) {
        throw unexpected(`moving the link of ${String(row.conversationKey)}`, error);
      }
    }
    try {
      await deleteRow(tables.links, partitionKey, rowKey, { etag });
    } catch (error) {
      // Gone, or changed by an older instance since: the next start moves it.
      if (azureStatus(error) !== 404 && azureStatus(error) !== 412) {
        throw unexpected(`moving the link of ${String(row.conversationKey)}`, error);
      }
    }
  }
}
