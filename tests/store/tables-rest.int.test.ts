import {
  AzureNamedKeyCredential,
  generateAccountSas,
  TableClient,
  type TransactionAction,
} from '@azure/data-tables';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createRowPlainly } from '../../src/store/tables-rest.js';
import { tableClient, type StorageRequest } from '../../src/store/tables-store.js';
import {
  azureCode,
  azureStatus,
  createRow,
  deleteRow,
  firstRows,
  queryRows,
  queryWorkstreamRows,
  readRow,
  transact,
  updateRow,
  upsertRow,
} from '../../src/store/tables-support.js';
import { uniqueTablePrefix } from '../support/azurite.js';

/**
 * The store's reads and single-row writes go as plain REST requests through the client's
 * pipeline. The SDK's own calls, on a client of the same table, are the measure: every read
 * must give what they give, and every write store what they store.
 */
describe('reads and writes as plain requests, on Azurite', () => {
  const connectionString = inject('azuriteConnectionString');
  const prefix = uniqueTablePrefix('rr');
  const sent: StorageRequest[] = [];
  const ours = tableClient(
    { connection: { connectionString }, tablePrefix: prefix, onRequest: (r) => sent.push(r) },
    'rows',
  );
  const sdk = TableClient.fromConnectionString(connectionString, `${prefix}rows`, {
    allowInsecureConnection: true,
  });
  const awkward = "o'neill+board@ünïcode.example · A&B = 1";

  beforeAll(async () => {
    await sdk.createTable();
    await sdk.createEntity({
      partitionKey: awkward,
      rowKey: `${awkward}|row`,
      text: 'a line\nand another, with "quotes"',
      count: 7,
      ratio: 2.5,
      yes: true,
      big: { value: '9007199254740993', type: 'Int64' },
      when: new Date('2026-11-30T09:15:00.000Z'),
      bytes: new Uint8Array([0, 1, 2, 250]),
      id: { value: '0f8fad5b-d9cb-469f-a165-70867728950e', type: 'Guid' },
    });
    // Azurite answers a query in pages of 1,000: 1,203 rows need two continuations' worth.
    const rows = Array.from({ length: 1_203 }, (_, i) => ({
      partitionKey: 'many',
      rowKey: String(i).padStart(5, '0'),
      n: i,
    }));
    for (let i = 0; i < rows.length; i += 100) {
      await sdk.submitTransaction(rows.slice(i, i + 100).map((row) => ['create', row]));
    }
  });

  it('reads a row with quotes and other characters in its keys, every type as the SDK gives it', async () => {
    const expected = await sdk.getEntity(awkward, `${awkward}|row`);
    const row = await readRow(ours, awkward, `${awkward}|row`);
    expect(row).toEqual(expected);
    expect(row?.big).toBe(9007199254740993n);
    expect(row?.when).toEqual(new Date('2026-11-30T09:15:00.000Z'));
    expect(row?.etag).toMatch(/^W\/"datetime'/);
  });

  it('gives null for a row that is not there, and for a table that is not there', async () => {
    expect(await readRow(ours, awkward, 'no such row')).toBeNull();
    const missing = tableClient({ connection: { connectionString }, tablePrefix: prefix }, 'gone');
    expect(await readRow(missing, 'p', 'r')).toBeNull();
  });

  it('follows continuations to the last row, one request a page', async () => {
    const before = sent.length;
    const rows = await queryRows(ours, "PartitionKey eq 'many'");
    expect(rows).toHaveLength(1_203);
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 1_203 }, (_, i) => i));
    expect(sent.length - before).toBe(2);
    const expected: unknown[] = [];
    for await (const row of sdk.listEntities({
      queryOptions: { filter: "PartitionKey eq 'many'" },
    })) {
      expected.push(row);
    }
    expect(rows).toEqual(expected);
  });

  it('reads only the columns selected, still with keys and ETags', async () => {
    const rows = await queryRows(ours, `PartitionKey eq 'many' and RowKey lt '00003'`, ['n']);
    expect(rows.map((row) => [row.n, typeof row.etag])).toEqual([
      [0, 'string'],
      [1, 'string'],
      [2, 'string'],
    ]);
    expect(rows[0]).not.toHaveProperty('partitionKey');
  });

  it('stops at the first rows asked for, asking for no more than that', async () => {
    const before = sent.length;
    const rows = await firstRows(ours, "PartitionKey eq 'many' and RowKey ge '01000'", 5);
    expect(rows.map((row) => row.rowKey)).toEqual(['01000', '01001', '01002', '01003', '01004']);
    expect(
      sent.slice(before).map((request) => new URL(request.url).searchParams.get('$top')),
    ).toEqual(['5']);
  });

  it('fails a query of a missing table with the service’s 404, which a workstream read treats as empty', async () => {
    const missing = tableClient({ connection: { connectionString }, tablePrefix: prefix }, 'gone');
    const failure = await queryRows(missing, "PartitionKey eq 'p'").catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toContain('HTTP 404 TableNotFound');
    expect(azureStatus((failure as Error).cause)).toBe(404);
    expect(await queryWorkstreamRows(missing, "PartitionKey eq 'p'")).toEqual([]);
  });

  it('fails a malformed filter with the service’s 400 and its code', async () => {
    const failure = await queryRows(ours, "PartitionKey eq 'a' and and").catch(
      (error: unknown) => error,
    );
    expect(String(failure)).toContain('HTTP 400 InvalidInput');
    expect(azureStatus((failure as Error).cause)).toBe(400);
  });

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('It should have failed');
      },
      (error: unknown) => ({ status: azureStatus(error), code: azureCode(error) }),
    );
  const columns = (row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row).filter(([name]) => !/^(etag|timestamp|odata)/.test(name)),
    );

  it('stores every type as the SDK stores it', async () => {
    const values = {
      text: 'a line\nand another',
      count: 7,
      ratio: 2.5,
      yes: false,
      big: 9007199254740993n,
      when: new Date('2026-11-30T09:15:00.000Z'),
      bytes: new Uint8Array([0, 1, 2, 250]),
      id: { value: '0f8fad5b-d9cb-469f-a165-70867728950e', type: 'Guid' },
    };
    await sdk.createEntity({ partitionKey: 'types', rowKey: 'by-sdk', ...values });
    const { etag } = await createRowPlainly(ours, {
      partitionKey: 'types',
      rowKey: 'plain',
      ...values,
    });
    const bySdk = await sdk.getEntity('types', 'by-sdk');
    const plain = await sdk.getEntity('types', 'plain');
    expect(columns(plain)).toEqual({ ...columns(bySdk), rowKey: 'plain' });
    expect(plain.etag).toBe(etag);
  });

  it('refuses a row whose keys are taken, as the SDK does', async () => {
    const row = { partitionKey: awkward, rowKey: 'once', n: 1 };
    await createRow(ours, row);
    expect(await failureOf(createRow(ours, row))).toEqual({
      status: 409,
      code: 'EntityAlreadyExists',
    });
  });

  it('updates at the ETag read and refuses a stale one, merging or replacing', async () => {
    const first = await createRow(ours, {
      partitionKey: awkward,
      rowKey: 'kept',
      a: 'one',
      b: 'two',
    });
    const merged = await updateRow(
      ours,
      { partitionKey: awkward, rowKey: 'kept', a: 'uno' },
      'Merge',
      {
        etag: first.etag,
      },
    );
    expect(columns(await sdk.getEntity(awkward, 'kept'))).toMatchObject({ a: 'uno', b: 'two' });
    expect(
      await failureOf(
        updateRow(ours, { partitionKey: awkward, rowKey: 'kept', a: 'late' }, 'Replace', {
          etag: first.etag,
        }),
      ),
    ).toMatchObject({ status: 412 });
    await updateRow(ours, { partitionKey: awkward, rowKey: 'kept', a: 'ein' }, 'Replace', {
      etag: merged.etag,
    });
    expect(columns(await sdk.getEntity(awkward, 'kept'))).toEqual({
      partitionKey: awkward,
      rowKey: 'kept',
      a: 'ein',
    });
    expect(
      await failureOf(updateRow(ours, { partitionKey: awkward, rowKey: 'never', a: 'x' }, 'Merge')),
    ).toMatchObject({ status: 404 });
  });

  it('upserts: inserts a row that is not there, merges or replaces one that is', async () => {
    await upsertRow(ours, { partitionKey: 'up', rowKey: 'r', a: 'one', b: 'two' }, 'Merge');
    await upsertRow(ours, { partitionKey: 'up', rowKey: 'r', a: 'uno' }, 'Merge');
    expect(columns(await sdk.getEntity('up', 'r'))).toMatchObject({ a: 'uno', b: 'two' });
    await upsertRow(ours, { partitionKey: 'up', rowKey: 'r', a: 'ein' }, 'Replace');
    expect(await sdk.getEntity('up', 'r')).not.toHaveProperty('b');
  });

  it('deletes at the ETag read, refusing a stale one, and says 404 for a row not there', async () => {
    const first = await createRow(ours, { partitionKey: 'del', rowKey: 'r', n: 1 });
    await updateRow(ours, { partitionKey: 'del', rowKey: 'r', n: 2 }, 'Merge');
    expect(await failureOf(deleteRow(ours, 'del', 'r', { etag: first.etag }))).toMatchObject({
      status: 412,
    });
    await deleteRow(ours, 'del', 'r');
    expect(await readRow(ours, 'del', 'r')).toBeNull();
    expect(await failureOf(deleteRow(ours, 'del', 'r'))).toMatchObject({ status: 404 });
  });

  /** The same operations on rows seeded alike in `partitionKey`, for the SDK or for us. */
  async function transactionIn(partitionKey: string): Promise<TransactionAction[]> {
    const at = (rowKey: string) => ({ partitionKey, rowKey });
    const kept = await createRow(ours, { ...at(`${awkward}|kept`), a: 'one', b: 'two' });
    await createRow(ours, { ...at('replaced'), a: 'one', b: 'two' });
    await createRow(ours, { ...at('merged'), a: 'one', b: 'two' });
    await createRow(ours, { ...at('gone'), a: 'one' });
    return [
      ['create', { ...at("new o'neill"), big: 9007199254740993n, when: new Date(0), yes: true }],
      ['update', { ...at(`${awkward}|kept`), a: 'uno' }, 'Merge', { etag: kept.etag }],
      ['update', { ...at('replaced'), a: 'ein' }, 'Replace'],
      ['upsert', { ...at('merged'), b: 'dos' }, 'Merge'],
      ['upsert', { ...at('upserted'), ratio: 2.5 }, 'Replace'],
      ['delete', at('gone')],
    ];
  }

  const partitionOf = async (partitionKey: string) =>
    (await queryRows(ours, `PartitionKey eq '${partitionKey}'`)).map((row) => ({
      ...columns(row),
      partitionKey: 'either',
    }));

  it('stores a transaction as the SDK’s transaction stores it, each answer with its row’s ETag', async () => {
    const bySdk = await sdk.submitTransaction(await transactionIn('tx-sdk'));
    const before = sent.length;
    const plain = await transact(ours, await transactionIn('tx-plain'));
    expect(sent.length - before - 4).toBe(1);
    expect(await partitionOf('tx-plain')).toEqual(await partitionOf('tx-sdk'));
    expect(await partitionOf('tx-plain')).toHaveLength(5);
    expect(plain.status).toBe(bySdk.status);
    expect(plain.subResponses.map((r) => r.status)).toEqual(
      bySdk.subResponses.map((r) => r.status),
    );
    const written = ["new o'neill", `${awkward}|kept`, 'replaced', 'merged', 'upserted'];
    for (const [i, rowKey] of written.entries()) {
      expect(plain.subResponses[i]?.etag).toBe((await sdk.getEntity('tx-plain', rowKey)).etag);
    }
  });

  it('stores none of a transaction with one refused operation, failing as the SDK does', async () => {
    const taken = await createRow(ours, { partitionKey: 'tx-refused', rowKey: 'taken', n: 1 });
    await updateRow(ours, { partitionKey: 'tx-refused', rowKey: 'taken', n: 2 }, 'Merge');
    const alongside: TransactionAction = ['create', { partitionKey: 'tx-refused', rowKey: 'new' }];
    const refusals: [TransactionAction, number, string][] = [
      [['create', { partitionKey: 'tx-refused', rowKey: 'taken' }], 409, 'EntityAlreadyExists'],
      [
        ['update', { partitionKey: 'tx-refused', rowKey: 'taken', n: 3 }, 'Merge', taken],
        412,
        'UpdateConditionNotSatisfied',
      ],
      [
        ['update', { partitionKey: 'tx-refused', rowKey: 'missing' }, 'Replace'],
        404,
        'ResourceNotFound',
      ],
    ];
    for (const [refused, status, code] of refusals) {
      const actions = [alongside, refused];
      const sdkFailure = await sdk.submitTransaction(actions).catch((error: unknown) => error);
      expect(await failureOf(transact(ours, actions))).toEqual({ status, code });
      expect(azureStatus(sdkFailure)).toBe(status);
      expect((sdkFailure as { code?: string }).code).toBe(code);
      expect(await readRow(ours, 'tx-refused', 'new')).toBeNull();
    }
    expect((await readRow(ours, 'tx-refused', 'taken'))?.n).toBe(2);
  });

  it('signs with a SAS from the connection string as well as with the account key', async () => {
    const endpoint = /TableEndpoint=([^;]+)/.exec(connectionString)?.[1] ?? '';
    const [name = '', key = ''] = ['AccountName', 'AccountKey'].map(
      (part) => new RegExp(`${part}=([^;]+)`).exec(connectionString)?.[1],
    );
    const sas = generateAccountSas(new AzureNamedKeyCredential(name, key), {
      expiresOn: new Date(Date.now() + 10 * 60_000),
      permissions: {
        write: true,
        delete: true,
        add: true,
        update: true,
        query: true,
        list: true,
      },
      resourceTypes: 'sco',
    });
    const viaSas = tableClient(
      {
        connection: { connectionString: `TableEndpoint=${endpoint};SharedAccessSignature=${sas}` },
        tablePrefix: prefix,
      },
      'rows',
    );
    await createRow(viaSas, { partitionKey: 'sas', rowKey: 'r', n: 1 });
    expect((await readRow(viaSas, 'sas', 'r'))?.n).toBe(1);
    expect((await queryRows(viaSas, "PartitionKey eq 'sas'")).map((row) => row.rowKey)).toEqual([
      'r',
    ]);
    await transact(viaSas, [
      ['update', { partitionKey: 'sas', rowKey: 'r', n: 2 }, 'Merge'],
      ['create', { partitionKey: 'sas', rowKey: 's', n: 3 }],
    ]);
    expect((await queryRows(ours, "PartitionKey eq 'sas'")).map((row) => row.n)).toEqual([2, 3]);
    await deleteRow(viaSas, 'sas', 'r');
    expect(await readRow(ours, 'sas', 'r')).toBeNull();
  });
});
