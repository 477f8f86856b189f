import type { TableClient } from '@azure/data-tables';
import { TABLES, type TableName } from './tables-layout.js';

/**
 * The fixed tables that are not there. A read of one row from a missing table is a 404 that
 * the repositories rightly treat as "no such row", so only asking each table shows that every
 * command would fail. One small page per table: cheap enough for a health check.
 */
export async function missingTables(
  tables: Readonly<Record<TableName, TableClient>>,
): Promise<TableName[]> {
  const missing: TableName[] = [];
  await Promise.all(
    TABLES.map(async (name) => {
      try {
        const pages = tables[name]
          .listEntities({ queryOptions: { select: ['RowKey'] } })
          .byPage({ maxPageSize: 1 });
        await pages.next();
      } catch (error: unknown) {
        if ((error as { statusCode?: unknown }).statusCode === 404) missing.push(name);
        else throw error;
      }
    }),
  );
  return missing.sort();
}
