import type { TableClient } from '@azure/data-tables';
import { TABLES, type TableName } from './tables-layout.js';
import { queryPagePlainly } from './tables-rest.js';

/**
 * The fixed tables that are not there. A read of one row from a missing table is a 404 that
 * the repositories rightly treat as "no such row", so only asking each table shows that every
 * command would fail. One small page per table: cheap enough for a health check. Asked as the
 * commands ask (plain requests through each client's pipeline), so a credential the service
 * refuses fails the check too.
 */
export async function missingTables(
  tables: Readonly<Record<TableName, TableClient>>,
): Promise<TableName[]> {
  const missing: TableName[] = [];
  await Promise.all(
    TABLES.map(async (name) => {
      try {
        await queryPagePlainly(tables[name], { select: ['RowKey'], top: 1 });
      } catch (error: unknown) {
        if ((error as { statusCode?: unknown }).statusCode === 404) missing.push(name);
        else throw error;
      }
    }),
  );
  return missing.sort();
}
