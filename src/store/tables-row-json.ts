/**
 * A row as the table service's JSON carries it, both ways: keys, ETag and time under the
 * service's names, and the values JSON cannot tell apart (Int64, DateTime, Binary, Guid)
 * annotated with their types, as the SDK reads and writes them.
 */
import type { TableEntityResult } from '@azure/data-tables';

/** A row as read: its columns, keys, ETag and time, as the SDK gives them. */
export type ReadRow = TableEntityResult<Record<string, unknown>>;

const SERVICE_NAMES: Readonly<Record<string, string>> = {
  PartitionKey: 'partitionKey',
  RowKey: 'rowKey',
  'odata.etag': 'etag',
  Timestamp: 'timestamp',
};

/** A row as the SDK deserialises it, type conversion on. */
export function toRow(body: Record<string, unknown>): ReadRow {
  const row: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    if (key.includes('@odata.type')) continue;
    const value = body[key];
    const type = body[`${key}@odata.type`];
    row[SERVICE_NAMES[key] ?? key] = typeof type === 'string' ? typed(value, type) : value;
  }
  return row as ReadRow;
}

function typed(value: unknown, type: string): unknown {
  switch (type) {
    case 'Edm.DateTime':
      return new Date(String(value));
    case 'Edm.Int64':
      return BigInt(String(value));
    case 'Edm.Guid':
      return { value, type: 'Guid' };
    case 'Edm.Binary':
      return Buffer.from(String(value), 'base64');
    case 'Edm.Boolean':
    case 'Edm.Double':
    case 'Edm.Int32':
    case 'Edm.String':
      return value;
    default:
      throw new Error(`Unknown EDM type ${type}`);
  }
}

const BODY_NAMES: Readonly<Record<string, string>> = {
  partitionKey: 'PartitionKey',
  rowKey: 'RowKey',
  etag: 'odata.etag',
  timestamp: 'Timestamp',
};

/**
 * A row as the SDK serialises it: strings, numbers and booleans as they are (the service
 * takes a whole number as Int32 and any other as Double), and the types JSON lacks
 * annotated: bigint as Int64, Date as DateTime, bytes as Binary, `{ value, type }` as given.
 */
export function toBody(row: object): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const key = BODY_NAMES[name] ?? name;
    const { json, type } = annotated(value);
    body[key] = json;
    if (type !== undefined) body[`${key}@odata.type`] = type;
  }
  return body;
}

function annotated(value: unknown): { readonly json: unknown; readonly type?: string } {
  if (value === null || value === undefined) return { json: value };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { json: value };
  }
  if (typeof value === 'bigint') return { json: value.toString(), type: 'Edm.Int64' };
  if (value instanceof Date) return { json: value, type: 'Edm.DateTime' };
  if (value instanceof Uint8Array) {
    return { json: Buffer.from(value).toString('base64'), type: 'Edm.Binary' };
  }
  const typed = value as { readonly value?: unknown; readonly type?: unknown };
  if (typed.value !== undefined && typeof typed.type === 'string' && EDM_TYPES.has(typed.type)) {
    return { json: typed.value, type: `Edm.${typed.type}` };
  }
  throw new Error(`A row's value cannot be stored: ${JSON.stringify(value)}`);
}

const EDM_TYPES = new Set([
  'Boolean',
  'DateTime',
  'Double',
  'Guid',
  'Int32',
  'Int64',
  'String',
  'Binary',
]);
