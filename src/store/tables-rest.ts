import {
  createDefaultHttpClient,
  createEmptyPipeline,
  createPipelineRequest,
  RestError,
  type HttpClient,
  type Pipeline,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { randomUUID } from 'node:crypto';
import type { TableClient, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import { toBody, toRow, type ReadRow } from './tables-row-json.js';

/**
 * Reads, single-row writes and transactions sent as plain REST requests through a table
 * client's own pipeline: its credential (account key, SAS or Entra token), retries, request
 * counting and HTTP client settings all apply, but not the SDK's per-operation layer above
 * them (operation specs, mappers, a tracing span per call), which cost about as much of this
 * process's time as the rest of the request together. Each is one request, sent and answered as the SDK's
 * `getEntity`, `listEntities`, `createEntity`, `upsertEntity`, `updateEntity` and
 * `deleteEntity` send and answer it (and `submitTransaction`, in one `$batch` request): the
 * same row shapes and types, the same errors.
 */
const registered = new WeakMap<
  TableClient,
  { readonly allowInsecureConnection: boolean; readonly pipeline: Pipeline }
>();

/**
 * Policies of the SDK's pipeline that act only on its operations: serialising a body and
 * parsing an answer by the operation's spec (with no spec, the answer's JSON was still parsed,
 * a second time beside ours), and form or multipart bodies. A plain request has none of them.
 */
const OPERATION_POLICIES = new Set([
  'serializationPolicy',
  'deserializationPolicy',
  'formDataPolicy',
  'multipartPolicy',
]);

/**
 * Lets this client's reads and single-row writes go as plain requests;
 * `allowInsecureConnection` as the client was created with. They go through every policy of
 * the client's pipeline, in its order, but those of {@link OPERATION_POLICIES}.
 */
export function sendPlainly(client: TableClient, allowInsecureConnection: boolean): TableClient {
  const pipeline = createEmptyPipeline();
  for (const policy of client.pipeline.getOrderedPolicies()) {
    if (!OPERATION_POLICIES.has(policy.name)) pipeline.addPolicy(policy);
  }
  registered.set(client, { allowInsecureConnection, pipeline });
  return client;
}

let http: HttpClient | undefined;

/** The service's version of the REST API, as the SDK sends it. */
const API_VERSION = '2019-02-02';
/**
 * Asked for in `Accept`, as the SDK asks: row ETags, and the types JSON cannot tell (Int64,
 * DateTime, Binary, Guid), come annotated.
 */
const MINIMAL_METADATA = 'application/json;odata=minimalmetadata';
/** How a row is sent: its values' types are the JSON's, or annotated (see {@link toBody}). */
const NO_METADATA = 'application/json;odata=nometadata';

/** A key inside `PartitionKey='…'`: quotes doubled, then encoded as the SDK encodes it. */
const keyInPath = (key: string): string => encodeURIComponent(key.replaceAll("'", "''"));

const rowPath = (partitionKey: string, rowKey: string): string =>
  `(PartitionKey='${keyInPath(partitionKey)}',RowKey='${keyInPath(rowKey)}')`;

/** One row by its keys: null when the service answers 404. */
export async function getRowPlainly(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<ReadRow | null> {
  const response = await send(client, {
    method: 'GET',
    suffix: rowPath(partitionKey, rowKey),
  });
  if (response.status === 404) return null;
  if (response.status !== 200) throw failure(response);
  return toRow(parsed(response));
}

export interface PlainPage {
  readonly rows: ReadRow[];
  /** Where the next page starts; null when this was the last. */
  readonly next: Continuation | null;
}

export interface Continuation {
  readonly partitionKey: string;
  readonly rowKey: string | null;
}

/** One page of a query, from `after` (the previous page's continuation) when given. */
export async function queryPagePlainly(
  client: TableClient,
  query: {
    readonly filter?: string;
    readonly select?: readonly string[];
    readonly top?: number;
    readonly after?: Continuation | null;
  },
): Promise<PlainPage> {
  const parameters: Record<string, string> = {};
  if (query.filter !== undefined) parameters['$filter'] = query.filter;
  if (query.select !== undefined) parameters['$select'] = query.select.join(',');
  if (query.top !== undefined) parameters['$top'] = String(query.top);
  if (query.after) {
    parameters['NextPartitionKey'] = query.after.partitionKey;
    if (query.after.rowKey !== null) parameters['NextRowKey'] = query.after.rowKey;
  }
  const response = await send(client, { method: 'GET', suffix: '()', parameters });
  if (response.status !== 200) throw failure(response);
  const body = parsed(response) as { value?: unknown };
  const rows = Array.isArray(body.value)
    ? body.value.map((row) => toRow(row as Record<string, unknown>))
    : [];
  const partitionKey = response.headers.get('x-ms-continuation-nextpartitionkey');
  const rowKey = response.headers.get('x-ms-continuation-nextrowkey') ?? null;
  return { rows, next: partitionKey === undefined ? null : { partitionKey, rowKey } };
}

/**
 * Every row a query matches, page after page; with `limit`, the first that many in key order,
 * asking for no more a page (`$top`) than are still wanted. A page may hold fewer than asked
 * (the service stops at its time or scan limit), so pages are read until enough are found.
 */
export async function queryAllPlainly(
  client: TableClient,
  query: { readonly filter?: string; readonly select?: readonly string[]; readonly limit?: number },
): Promise<ReadRow[]> {
  const { limit = Infinity, ...asked } = query;
  const rows: ReadRow[] = [];
  let after: Continuation | null = null;
  while (rows.length < limit) {
    const top = limit === Infinity ? undefined : Math.min(limit - rows.length, 1000);
    const page: PlainPage = await queryPagePlainly(client, {
      ...asked,
      after,
      ...(top === undefined ? {} : { top }),
    });
    for (const row of page.rows.slice(0, limit - rows.length)) rows.push(row);
    after = page.next;
    if (after === null) break;
  }
  return rows;
}

/** The account's address, without a SAS or a trailing slash. */
const accountOf = (client: TableClient): string =>
  (client.url.split('?', 1)[0] ?? '').replace(/\/$/, '');

interface PlainRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** After the table's name: `()`, `(PartitionKey='…',RowKey='…')` or nothing. */
  readonly suffix: string;
  /** Sent to the account's `$batch` address, not the table's (`suffix` is then ignored). */
  readonly batch?: true;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

async function send(client: TableClient, plain: PlainRequest): Promise<PipelineResponse> {
  const settings = registered.get(client);
  if (!settings) throw new Error(`Table ${client.tableName} is not set up for plain requests.`);
  // A SAS connection string leaves its token in the client's URL, as a query.
  const sas = client.url.split('?', 2)[1] ?? '';
  const ours = Object.entries(plain.parameters ?? {}).map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  const query = [sas, ...ours].filter((part) => part !== '').join('&');
  const resource = plain.batch
    ? '$batch'
    : `${encodeURIComponent(client.tableName)}${plain.suffix}`;
  const path = `${accountOf(client)}/${resource}`;
  const request = createPipelineRequest({
    url: query === '' ? path : `${path}?${query}`,
    method: plain.method,
    allowInsecureConnection: settings.allowInsecureConnection,
    ...(plain.body === undefined ? {} : { body: plain.body }),
  });
  request.headers.set('Accept', MINIMAL_METADATA);
  request.headers.set('DataServiceVersion', '3.0');
  request.headers.set('x-ms-version', API_VERSION);
  for (const [name, value] of Object.entries(plain.headers ?? {})) request.headers.set(name, value);
  http ??= createDefaultHttpClient();
  return settings.pipeline.sendRequest(http, request);
}

/** What a write answers: the row's new ETag. */
export interface Written {
  readonly etag: string;
}

/** Inserts a row: 409 `EntityAlreadyExists` when its keys are taken. */
export async function createRowPlainly(client: TableClient, row: object): Promise<Written> {
  const response = await send(client, {
    method: 'POST',
    suffix: '',
    headers: { 'Content-Type': NO_METADATA, Prefer: 'return-no-content' },
    body: JSON.stringify(toBody(row)),
  });
  return written(response);
}

/**
 * Replaces or merges a row: at `etag` (`*`: whatever is there, but it must be there), or,
 * with no `etag`, inserting it when it is not there (an upsert).
 */
export async function writeRowPlainly(
  client: TableClient,
  row: { readonly partitionKey?: string; readonly rowKey?: string },
  mode: 'Merge' | 'Replace',
  etag?: string,
): Promise<Written> {
  const response = await send(client, {
    method: mode === 'Merge' ? 'PATCH' : 'PUT',
    suffix: rowPath(row.partitionKey ?? '', row.rowKey ?? ''),
    headers: { 'Content-Type': NO_METADATA, ...(etag === undefined ? {} : { 'If-Match': etag }) },
    body: JSON.stringify(toBody(row)),
  });
  return written(response);
}

/** Deletes a row at `etag` (`*`: whatever is there); 404 when it is not there. */
export async function deleteRowPlainly(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  etag = '*',
): Promise<void> {
  const response = await send(client, {
    method: 'DELETE',
    suffix: rowPath(partitionKey, rowKey),
    headers: { 'If-Match': etag },
  });
  if (response.status !== 204) throw failure(response);
}

/**
 * A transaction (up to 100 operations on one partition, all or none), sent as one `$batch`
 * request through the client's pipeline and answered as the SDK's `submitTransaction`
 * answers. The SDK builds each operation by running it through its whole operation layer
 * into a stand-in client; here each is written directly, as the request it stands for.
 */
export async function submitPlainly(
  client: TableClient,
  actions: readonly TransactionAction[],
): Promise<TableTransactionResponse> {
  const base = accountOf(client);
  const batch = `batch_${randomUUID()}`;
  const changeset = `changeset_${randomUUID()}`;
  const parts = actions.map((action) => operationPart(base, client.tableName, action));
  const response = await send(client, {
    method: 'POST',
    suffix: '',
    batch: true,
    headers: {
      'Content-Type': `multipart/mixed; boundary=${batch}`,
      Accept: 'application/json',
      DataServiceVersion: '3.0;',
      MaxDataServiceVersion: '3.0;NetFx',
    },
    body:
      `--${batch}${CRLF}Content-Type: multipart/mixed; boundary=${changeset}${CRLF}${CRLF}` +
      parts.map((part) => `--${changeset}${CRLF}${part}${CRLF}`).join('') +
      `--${changeset}--${CRLF}--${batch}--${CRLF}`,
  });
  if (response.status < 200 || response.status >= 300) throw failure(response);
  return answered(response);
}

const CRLF = '\r\n';

/**
 * One operation as a part of the change set: its request line, headers and row, as the SDK's
 * `createEntity`, `upsertEntity`, `updateEntity` and `deleteEntity` would send it alone. As in
 * the SDK's transactions, a delete is unconditional and an update without an ETag is at `*`.
 */
function operationPart(base: string, table: string, action: TransactionAction): string {
  const [kind, row] = action;
  const keys = rowPath(row.partitionKey, row.rowKey);
  const tableUrl = `${base}/${encodeURIComponent(table)}`;
  const headers: Record<string, string> = {
    Accept: MINIMAL_METADATA,
    DataServiceVersion: '3.0',
  };
  let line: string;
  let body: string | undefined = JSON.stringify(toBody(row));
  switch (kind) {
    case 'create':
      line = `POST ${tableUrl}`;
      headers['Prefer'] = 'return-no-content';
      break;
    case 'delete':
      line = `DELETE ${tableUrl}${keys}`;
      headers['If-Match'] = '*';
      body = undefined;
      break;
    case 'update':
      line = `${action[2] === 'Replace' ? 'PUT' : 'PATCH'} ${tableUrl}${keys}`;
      headers['If-Match'] = action[3]?.etag ?? '*';
      break;
    case 'upsert':
      line = `${action[2] === 'Replace' ? 'PUT' : 'PATCH'} ${tableUrl}${keys}`;
      break;
  }
  if (body !== undefined) headers['Content-Type'] = NO_METADATA;
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `${line} HTTP/1.1`,
    ...head,
    '',
    body ?? '',
  ].join(CRLF);
}

/**
 * The change set's answers, in the operations' order: each one's status, ETag and (where the
 * service says) row key. A refused operation fails the whole transaction, and is thrown as
 * the SDK throws it: a `RestError` with its status and the service's code.
 */
function answered(response: PipelineResponse): TableTransactionResponse {
  const text = response.bodyAsText ?? '';
  const subResponses = text
    .split('--changesetresponse_')
    .slice(1, -1)
    .map((part) => {
      const status = Number(/HTTP\/1\.1 (\d{3})/.exec(part)?.[1]);
      if (!Number.isInteger(status)) {
        throw new Error(`A transaction's answer had no status: ${part.slice(0, 200)}`);
      }
      if (status >= 300) {
        const error = /\{.*\}/s.exec(part)?.[0];
        throw failure({ ...response, status, bodyAsText: error ?? '' });
      }
      const etag = /^ETag: (.*)$/im.exec(part)?.[1];
      const rowKey = /RowKey='(.*)'/.exec(part)?.[1];
      return {
        status,
        ...(rowKey === undefined ? {} : { rowKey }),
        ...(etag === undefined ? {} : { etag }),
      };
    });
  return {
    status: response.status,
    subResponses,
    getResponseForEntity: (rowKey) => subResponses.find((sub) => sub.rowKey === rowKey),
  };
}

function written(response: PipelineResponse): Written {
  if (response.status !== 204 && response.status !== 201) throw failure(response);
  return { etag: response.headers.get('etag') ?? '' };
}

function parsed(response: PipelineResponse): Record<string, unknown> {
  return JSON.parse(response.bodyAsText ?? '{}') as Record<string, unknown>;
}

/**
 * The failure as the SDK would throw it: a `RestError` with the HTTP status and, in
 * `details.odataError`, the service's code and message.
 */
function failure(response: PipelineResponse): RestError {
  let odataError: { code?: string | undefined; message?: string | undefined } | undefined;
  try {
    const body = JSON.parse(response.bodyAsText ?? '') as {
      'odata.error'?: { code?: string; message?: { value?: string } };
    };
    const error = body['odata.error'];
    if (error) odataError = { code: error.code, message: error.message?.value };
  } catch {
    // Not JSON (a proxy's page, an empty body): the status alone says what happened.
    odataError = undefined;
  }
  const error = new RestError(
    odataError?.message ?? `The table service answered HTTP ${response.status}.`,
    {
      statusCode: response.status,
      ...(odataError?.code === undefined ? {} : { code: odataError.code }),
      request: response.request,
      response,
    },
  );
  error.details = { odataError };
  return error;
}
