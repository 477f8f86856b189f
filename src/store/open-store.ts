import { resolve } from 'node:path';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { Store } from './store.js';
import { openSharedAzurite, type SharedAzurite } from './shared-azurite.js';
import { readStoreConfig, type StoreConfig } from './store-config.js';
import { missingTables } from './tables-health.js';
import type { TableName } from './tables-layout.js';
import {
  createTablesStore,
  tableClients,
  type TablesConnection,
  type TablesStoreOptions,
} from './tables-store.js';
import type { TableClient } from '@azure/data-tables';

/** The log calls storage makes; the app's Logger fits. */
export interface StoreLogger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

export interface OpenedStore {
  readonly store: Store;
  /** True when every table is there and answers; a failure is logged, not thrown. */
  healthy(): Promise<boolean>;
  /** Stops the embedded Azurite, if this process started it. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens storage as the settings say: Azure by connection string, Azure by account URL and
 * managed identity, or, with neither, the data folder's Azurite: the one already running for
 * that folder (another `npm start`, the admin CLI), or one this process starts and stops.
 */
export async function openStore(
  env: Readonly<Record<string, string | undefined>>,
  log: StoreLogger,
  options: Pick<TablesStoreOptions, 'onRequest' | 'onAnswer'> = {},
): Promise<OpenedStore> {
  const config = readStoreConfig(env);
  let azurite: SharedAzurite | null = null;
  if (config.kind === 'embedded') {
    azurite = await openSharedAzurite({
      location: resolve(config.location),
      ...(config.port === null ? {} : { port: config.port }),
    });
    log.info(
      azurite.started
        ? `No storage configured: started Azurite on ${azurite.host}:${azurite.port}, data in ${config.location}`
        : `No storage configured: using the Azurite already running for ${config.location} on ${azurite.host}:${azurite.port} (started by process ${azurite.ownerPid})`,
      { azuritePid: azurite.pid },
    );
  }
  const close = async () => {
    const running = azurite;
    azurite = null;
    if (running?.started === true) {
      await running.close();
      log.info('Stopped the embedded Azurite.', { azuritePid: running.pid });
    }
  };
  try {
    const storeOptions: TablesStoreOptions = {
      connection: connectionFor(config, azurite),
      tablePrefix: config.tablePrefix,
      ...options,
    };
    const store = await createTablesStore(storeOptions);
    const tables = tableClients(storeOptions);
    if (config.kind !== 'embedded') {
      log.info(
        `Storage: Azure Tables (${describe(config)}), table prefix "${config.tablePrefix}".`,
      );
    }
    return { store, healthy: () => isHealthy(tables, log), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function connectionFor(config: StoreConfig, azurite: SharedAzurite | null): TablesConnection {
  switch (config.kind) {
    case 'connection-string':
      return { connectionString: config.connectionString };
    case 'account-url':
      return {
        accountUrl: config.accountUrl,
        credential:
          config.clientId === null
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential({ clientId: config.clientId }),
      };
    case 'embedded':
      if (!azurite) throw new Error('The embedded Azurite is not running.');
      return { connectionString: azurite.connectionString };
  }
}

function describe(config: StoreConfig): string {
  switch (config.kind) {
    case 'connection-string':
      return 'connection string';
    case 'account-url':
      return `${config.accountUrl}, ${config.clientId === null ? 'default credential' : 'managed identity'}`;
    case 'embedded':
      return 'embedded Azurite';
  }
}

async function isHealthy(
  tables: Readonly<Record<TableName, TableClient>>,
  log: StoreLogger,
): Promise<boolean> {
  try {
    const missing = await missingTables(tables);
    if (missing.length === 0) return true;
    // Names go to the log for the operator, never into the health answer.
    log.warn('Storage tables are missing; every command that needs them will fail.', {
      missing,
    });
    return false;
  } catch (error) {
    log.warn('Storage did not answer a health check.', { error: String(error) });
    return false;
  }
}
