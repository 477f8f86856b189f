import { odata, type TableClient } from '@azure/data-tables';
import { inPartition, LINK_PARTITION, PROGRAMME_PARTITION } from './tables-layout.js';
import { queryRows, readRow, type ReadRow } from './tables-support.js';

/**
 * The two reads a chat command starts together to settle its programme, every programme and
 * the chat's link, both of `{p}programmes`, sent as one query: asked for in the same turn of
 * the event loop, they are gathered and sent when it ends. A link asked alone is a point read.
 */
export interface ProgrammeTableReads {
  /** Every row of partition `programme`. */
  programmeRows(): Promise<ReadRow[]>;
  /** The link row of one chat (its row key), or null. */
  linkRow(rowKey: string): Promise<ReadRow | null>;
}

interface Batch {
  readonly programmes: ((rows: Promise<ReadRow[]>) => void)[];
  readonly links: Map<string, ((row: Promise<ReadRow | null>) => void)[]>;
}

export function createProgrammeTableReads(table: TableClient): ProgrammeTableReads {
  let batch: Batch | null = null;

  const gathering = (): Batch => {
    if (batch) return batch;
    const started: Batch = { programmes: [], links: new Map() };
    batch = started;
    // After the code that asked has run on to its awaits, so a read asked beside it joins.
    setImmediate(() => {
      batch = null;
      send(started);
    });
    return started;
  };

  function send({ programmes, links }: Batch): void {
    const keys = [...links.keys()];
    const [only] = keys;
    if (programmes.length === 0 && keys.length === 1 && only !== undefined) {
      const row = readRow(table, LINK_PARTITION, only);
      for (const give of links.get(only) ?? []) give(row);
      return;
    }
    const wanted = [
      ...(programmes.length > 0 ? [inPartition(PROGRAMME_PARTITION)] : []),
      ...keys.map((key) => odata`(PartitionKey eq ${LINK_PARTITION} and RowKey eq ${key})`),
    ];
    const rows = queryRows(table, wanted.join(' or '));
    if (programmes.length > 0) {
      const programmeRows = rows.then((all) =>
        all.filter((row) => row.partitionKey === PROGRAMME_PARTITION),
      );
      for (const give of programmes) give(programmeRows);
    }
    for (const [key, givers] of links) {
      const row = rows.then(
        (all) =>
          all.find((found) => found.partitionKey === LINK_PARTITION && found.rowKey === key) ??
          null,
      );
      for (const give of givers) give(row);
    }
  }

  return {
    programmeRows() {
      return new Promise<ReadRow[]>((resolve) => gathering().programmes.push(resolve));
    },
    linkRow(rowKey) {
      return new Promise<ReadRow | null>((resolve) => {
        const { links } = gathering();
        links.set(rowKey, [...(links.get(rowKey) ?? []), resolve]);
      });
    },
  };
}
