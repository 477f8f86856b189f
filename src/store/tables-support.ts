import type {
  TableClient,
  TableEntity,
  TableTransactionResponse,
  TransactionAction,
} from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import { MAX_ENTITY_BYTES, MAX_STRING_CHARS } from './limits.js';
import {
  createRowPlainly,
  deleteRowPlainly,
  getRowPlainly,
  queryAllPlainly,
  submitPlainly,
  writeRowPlainly,
  type Written,
} from './tables-rest.js';
import type { ReadRow } from './tables-row-json.js';

/** Every row the store writes: keys, plain columns, and text columns split when long. */
export type Row = TableEntity<Record<string, string | number | boolean>>;
export type { ReadRow };

/** The HTTP status of an Azure failure, or undefined for anything else. */
export function azureStatus(error: unknown): number | undefined {
  if (error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number') {
    return error.statusCode;
  }
  return undefined;
}

/** The service's own error code (`details.odataError.code`), e.g. `EntityAlreadyExists`. */
export function azureCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('details' in error)) return undefined;
  const details = error.details as { odataError?: { code?: unknown } } | undefined;
  const code = details?.odataError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Rethrows an unexpected failure with what the store was doing, keeping the cause. */
export function unexpected(doing: string, error: unknown): Error {
  const status = azureStatus(error);
  const code = azureCode(error);
  const detail = status === undefined ? String(error) : `HTTP ${status}${code ? ` ${code}` : ''}`;
  return new Error(`Azure Table storage failed while ${doing}: ${detail}`, { cause: error });
}

/** Inserts a row; fails with 409 when its keys are taken. */
export function createRow(client: TableClient, row: Row): Promise<Written> {
  return createRowPlainly(client, row);
}

/** Inserts the row, or replaces or merges what is there: no ETag is checked. */
export function upsertRow(
  client: TableClient,
  row: Row,
  mode: 'Merge' | 'Replace',
): Promise<Written> {
  return writeRowPlainly(client, row, mode);
}

/** Replaces or merges a row that must be there, at `etag` when given; 412 when it moved on. */
export function updateRow(
  client: TableClient,
  row: Row,
  mode: 'Merge' | 'Replace',
  options: { readonly etag?: string } = {},
): Promise<Written> {
  return writeRowPlainly(client, row, mode, options.etag ?? '*');
}

/** Deletes a row, at `etag` when given; 404 when it is not there. */
export function deleteRow(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  options: { readonly etag?: string } = {},
): Promise<void> {
  return deleteRowPlainly(client, partitionKey, rowKey, options.etag);
}

/**
 * Up to 100 operations on one partition, all stored or none: a refused one fails the whole
 * transaction with its status (409, 412, 404). Each answer carries the row's new ETag.
 */
export function transact(
  client: TableClient,
  actions: readonly TransactionAction[],
): Promise<TableTransactionResponse> {
  return submitPlainly(client, actions);
}

/** A point read: null when the row does not exist. */
export async function readRow(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<ReadRow | null> {
  try {
    return await getRowPlainly(client, partitionKey, rowKey);
  } catch (error) {
    throw unexpected(`reading ${client.tableName} (${partitionKey}, ${rowKey})`, error);
  }
}

export async function queryRows(
  client: TableClient,
  filter: string,
  select?: readonly string[],
): Promise<ReadRow[]> {
  try {
    return await queryAllPlainly(client, select ? { filter, select } : { filter });
  } catch (error) {
    throw unexpected(`querying ${client.tableName} for ${filter}`, error);
  }
}

/** The first `limit` rows matching `filter`, in key order: never every row. */
export async function firstRows(
  client: TableClient,
  filter: string,
  limit: number,
): Promise<ReadRow[]> {
  try {
    return await queryAllPlainly(client, { filter, limit });
  } catch (error) {
    throw unexpected(`querying ${client.tableName} for ${filter}`, error);
  }
}

/** As `queryRows`, for a workstream's table, which does not exist until a plan names it. */
export async function queryWorkstreamRows(
  client: TableClient,
  filter: string,
  select?: readonly string[],
): Promise<ReadRow[]> {
  try {
    return await queryRows(client, filter, select);
  } catch (error) {
    if (error instanceof Error && azureStatus(error.cause) === 404) return [];
    throw error;
  }
}

/**
 * Writes actions in as few transactions as Azure allows: one partition, 100 rows, 4 MiB each.
 * `stored` hears the size of each batch once it is stored.
 */
export async function writeInBatches(
  client: TableClient,
  actions: readonly TransactionAction[],
  stored?: (rows: number) => void,
  /** What to send instead of a batch refused with 409 (a row to create was there). */
  instead?: (batch: TransactionAction[]) => TransactionAction[],
): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const key = action[1].partitionKey;
    // Pushed, not copied: copying the list each time made a 10,000-row import quadratic.
    const list = byPartition.get(key) ?? [];
    list.push(action);
    byPartition.set(key, list);
  }
  const batches: TransactionAction[][] = [];
  for (const list of byPartition.values()) {
    let batch: TransactionAction[] = [];
    let bytes = 0;
    for (const action of list) {
      const size = entityBytes(action[1]);
      if (batch.length === 100 || bytes + size > 3.5 * 1024 * 1024) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(action);
      bytes += size;
    }
    if (batch.length > 0) batches.push(batch);
  }
  // A few at a time: quick on Azure, and kind to a small Azurite.
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(
      batches.slice(i, i + 4).map(async (batch) => {
        await submit(client, batch, instead);
        stored?.(batch.length);
      }),
    );
  }
}

async function submit(
  client: TableClient,
  batch: TransactionAction[],
  instead?: (batch: TransactionAction[]) => TransactionAction[],
): Promise<void> {
  try {
    await transact(client, batch);
  } catch (error) {
    if (instead && azureStatus(error) === 409) return submit(client, instead(batch));
    throw unexpected(`writing ${batch.length} rows to ${client.tableName}`, error);
  }
}

const SERVICE_COLUMNS = new Set(['etag', 'timestamp', 'partitionKey', 'rowKey']);

/** Whether a column of a read row is the service's (keys, ETag, time, OData), not data. */
export function isServiceColumn(name: string): boolean {
  return SERVICE_COLUMNS.has(name) || name.startsWith('odata');
}

/**
 * Writes rows that are almost always new, ending as an upsert (Replace) would. Azurite looks a
 * created row up once in a scan of its partition and an upserted one twice, so on a large
 * partition this halves its work; a batch refused because one of its rows was there after
 * all (a retry that had landed, a write racing this one) is sent again as upserts.
 */
export async function createInBatches(
  client: TableClient,
  rows: readonly Row[],
  stored?: (rows: number) => void,
): Promise<void> {
  await writeInBatches(
    client,
    rows.map((row) => ['create', row]),
    stored,
    (batch) => batch.map(([, row]) => ['upsert', row, 'Replace']),
  );
}

/**
 * Puts text in a column, split across `name_0`, `name_1`… when longer than one string
 * property may be. `name_parts` says how many, so stale parts left by a merge are ignored.
 */
export function putText(row: Record<string, unknown>, name: string, text: string): void {
  if (text.length <= MAX_STRING_CHARS) {
    row[name] = text;
    row[`${name}_parts`] = 0;
    return;
  }
  const parts = Math.ceil(text.length / MAX_STRING_CHARS);
  for (let i = 0; i < parts; i++) {
    row[`${name}_${i}`] = text.slice(i * MAX_STRING_CHARS, (i + 1) * MAX_STRING_CHARS);
  }
  row[`${name}_parts`] = parts;
}

/** Whether a row holds text put in `name` by {@link putText}, whole or split. */
export function hasText(row: Readonly<Record<string, unknown>>, name: string): boolean {
  return row[name] !== undefined || row[`${name}_parts`] !== undefined;
}

export function getText(row: Readonly<Record<string, unknown>>, name: string): string {
  const parts = Number(row[`${name}_parts`] ?? 0);
  if (parts === 0) return stringColumn(row, name);
  return Array.from({ length: parts }, (_, i) => stringColumn(row, `${name}_${i}`)).join('');
}

export function putJson(row: Record<string, unknown>, name: string, value: unknown): void {
  putText(row, name, JSON.stringify(value));
}

export function getJson<T>(row: Readonly<Record<string, unknown>>, name: string): T {
  return JSON.parse(getText(row, name)) as T;
}

function stringColumn(row: Readonly<Record<string, unknown>>, name: string): string {
  const value = row[name];
  if (typeof value !== 'string') {
    throw new Error(
      `Stored row (${String(row.partitionKey)}, ${String(row.rowKey)}) has no ${name}.`,
    );
  }
  return value;
}

/** The entity's size as Azure counts it (UTF-16 strings, 8 bytes per property overhead). */
export function entityBytes(row: Readonly<Record<string, unknown>>): number {
  let bytes = 4;
  for (const [name, value] of Object.entries(row)) {
    if (name === 'partitionKey' || name === 'rowKey') {
      bytes += String(value).length * 2;
      continue;
    }
    bytes += 8 + name.length * 2;
    bytes += typeof value === 'string' ? 4 + value.length * 2 : typeof value === 'boolean' ? 1 : 8;
  }
  return bytes;
}

/** Refuses a row Azure would refuse, naming what it is: never lets it be cut short. */
export function assertRowFits(row: Readonly<Record<string, unknown>>, what: string): void {
  for (const [name, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.length > MAX_STRING_CHARS) {
      throw new DomainError(
        'TOO_LARGE',
        `The ${name} of ${what} is ${value.length} characters long; the most is ${MAX_STRING_CHARS}.`,
        { field: name, length: value.length, limit: MAX_STRING_CHARS },
      );
    }
  }
  const bytes = entityBytes(row);
  if (bytes > MAX_ENTITY_BYTES) {
    throw new DomainError(
      'TOO_LARGE',
      `${what} needs ${bytes} bytes of storage; Azure Tables keeps at most ${MAX_ENTITY_BYTES} ` +
        'per row. Shorten its text or split it.',
      { field: 'entity', length: bytes, limit: MAX_ENTITY_BYTES },
    );
  }
}
