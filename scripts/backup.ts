/**
 * `npm run backup -- --out <folder>` and `npm run backup -- --restore <folder>`: every table
 * of this installation (the ones named with TABLE_PREFIX), one JSON line per row, with the
 * storage settings the bot uses. Values keep their Table storage types, so a restore writes
 * back exactly what was read. Azure Table storage has no backup of its own; see
 * docs/operations.md for when to run this.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { TableClient, TableServiceClient, type TableEntity } from '@azure/data-tables';
import { openSharedAzurite } from '../src/store/shared-azurite.js';
import { readStoreConfig } from '../src/store/store-config.js';
import { runCli } from './run-cli.js';

const USAGE =
  'Usage: npm run backup -- --out <folder>      copy every table into <folder>\n' +
  '       npm run backup -- --restore <folder>  write the rows in <folder> back (upsert)';

interface Connection {
  service(): TableServiceClient;
  table(name: string): TableClient;
  close(): Promise<void>;
}

async function connect(): Promise<{ connection: Connection; prefix: string }> {
  const config = readStoreConfig(process.env);
  if (config.kind === 'account-url') {
    const credential =
      config.clientId === null
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential({ clientId: config.clientId });
    return {
      prefix: config.tablePrefix,
      connection: {
        service: () => new TableServiceClient(config.accountUrl, credential),
        table: (name) => new TableClient(config.accountUrl, name, credential),
        close: () => Promise.resolve(),
      },
    };
  }
  const azurite =
    config.kind === 'embedded'
      ? await openSharedAzurite({
          location: resolve(config.location),
          ...(config.port === null ? {} : { port: config.port }),
        })
      : null;
  const connectionString =
    azurite?.connectionString ??
    (config.kind === 'connection-string' ? config.connectionString : '');
  const options = { allowInsecureConnection: /TableEndpoint=http:/i.test(connectionString) };
  return {
    prefix: config.tablePrefix,
    connection: {
      service: () => TableServiceClient.fromConnectionString(connectionString, options),
      table: (name) => TableClient.fromConnectionString(connectionString, name, options),
      close: () => azurite?.close() ?? Promise.resolve(),
    },
  };
}

async function backup(connection: Connection, prefix: string, folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  let rows = 0;
  for await (const table of connection.service().listTables()) {
    const name = table.name ?? '';
    if (!name.startsWith(prefix)) continue;
    const lines: string[] = [];
    const entities = connection.table(name).listEntities({ disableTypeConversion: true });
    for await (const entity of entities) lines.push(JSON.stringify(entity));
    await writeFile(join(folder, `${name}.jsonl`), lines.length > 0 ? `${lines.join('\n')}\n` : '');
    process.stdout.write(`${name}: ${lines.length} rows\n`);
    rows += lines.length;
  }
  return rows;
}

async function restore(connection: Connection, folder: string): Promise<number> {
  let rows = 0;
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.jsonl')).sort()) {
    const name = file.slice(0, -'.jsonl'.length);
    const client = connection.table(name);
    await client.createTable();
    let count = 0;
    const lines = createInterface({ input: createReadStream(join(folder, file)) });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      // The etag and timestamp are the old table's; the service sets its own.
      const entity = Object.fromEntries(
        Object.entries(JSON.parse(line) as Record<string, unknown>).filter(
          ([key]) => key !== 'etag' && key !== 'timestamp',
        ),
      ) as TableEntity;
      await client.upsertEntity(entity, 'Replace');
      count += 1;
    }
    process.stdout.write(`${name}: ${count} rows\n`);
    rows += count;
  }
  return rows;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: 'string' }, restore: { type: 'string' } },
  });
  if ((values.out === undefined) === (values.restore === undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { connection, prefix } = await connect();
  try {
    if (values.out !== undefined) {
      const rows = await backup(connection, prefix, resolve(values.out));
      process.stdout.write(
        `Backed up ${rows} rows of the "${prefix}" tables to ${resolve(values.out)}.\n`,
      );
    } else if (values.restore !== undefined) {
      const rows = await restore(connection, resolve(values.restore));
      process.stdout.write(`Restored ${rows} rows from ${resolve(values.restore)}.\n`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}

runCli(main);
