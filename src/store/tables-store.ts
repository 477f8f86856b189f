import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { Store } from './store.js';
import { createTablesActionRepository } from './tables-action.repository.js';
import { createTablesAdminRepository } from './tables-admin.repository.js';
import { createTablesConversationRepository } from './tables-conversation.repository.js';
import { createTablesGovernanceStore } from './governance-store.js';
import { statusTableName, TABLES, type TableName, type TablesContext } from './tables-layout.js';
import { createTablesLeaseRepository } from './tables-lease.repository.js';
import {
  createTablesLinkRepository,
  moveLinksToProgrammesTable,
} from './tables-link.repository.js';
import { createProgrammeTableReads } from './tables-programme-reads.js';
import { createTablesMeasureRepository } from './tables-measure.repository.js';
import { createTablesOutboxRepository } from './tables-outbox.repository.js';
import { createTablesPendingImportRepository } from './tables-pending-import.repository.js';
import { createTablesPersonRepository, moveAadIndex } from './tables-person.repository.js';
import { rollForward } from './tables-plan-promotion.js';
import { spreadAllSettings } from './tables-settings-copy.js';
import { finishRoleChanges } from './tables-role-change.js';
import { createTablesPlanRepository } from './tables-plan.repository.js';
import {
  createTablesProgrammeRepository,
  createTablesWorkstreamRepository,
} from './tables-programme.repository.js';
import { createTablesRoleRepository } from './tables-role.repository.js';
import { createTablesSummaryRepository } from './tables-summary.repository.js';
import { createTablesScheduleMarks } from './tables-schedule-marks.js';
import { keepEarlierApprovals } from './tables-keep-approvals.js';
import { withScheduleTouches } from './schedule-touches.js';
import { unexpected } from './tables-support.js';
import { resendUnsentPolicy } from './resend-unsent.js';
import { sendPlainly } from './tables-rest.js';

export type TablesConnection =
  /** An account key or SAS connection string, or Azurite's. */
  | { readonly connectionString: string }
  /** The account's table endpoint (`https://NAME.table.core.windows.net`) and an identity. */
  | { readonly accountUrl: string; readonly credential: TokenCredential };

export interface TablesStoreOptions {
  readonly connection: TablesConnection;
  /**
   * Starts every table name, so several deployments can share one account. Letters and
   * digits, starting with a letter (store-config.ts checks it).
   */
  readonly tablePrefix: string;
  /**
   * Called for every HTTP request sent to storage (retries included): the benchmarks count
   * storage round trips with it. Production leaves it unset.
   */
  readonly onRequest?: (request: StorageRequest) => void;
  /**
   * Called with the same request object when its answer has come (or it failed), so a
   * benchmark can tell requests that overlapped from ones that waited for another, and
   * count what came back: `bytes` of the answer's body (0 when it failed without one).
   */
  readonly onAnswer?: (request: StorageRequest, answer: { readonly bytes: number }) => void;
}

/** One HTTP request to Table storage, as {@link TablesStoreOptions.onRequest} sees it. */
export interface StorageRequest {
  readonly method: string;
  readonly url: string;
}

/** Every port on Azure Table storage; creates the tables that are missing. */
export async function createTablesStore(options: TablesStoreOptions): Promise<Store> {
  const tables = tableClients(options);
  const [governance] = await Promise.all([
    createTablesGovernanceStore((name) => tableClient(options, name)),
    ...TABLES.map((name) => createTable(tables[name])),
  ]);
  // A plan import killed after its switch is finished before anyone reads the plan.
  await rollForward(tables);
  // So does a change of roles cut short, before anyone's roles are read from the index.
  await finishRoleChanges(tables);
  // And Saves find their programme's settings beside their actions (tables-settings-copy.ts).
  await spreadAllSettings(tables);
  // Links an older version kept in their own table join the programme rows.
  await moveLinksToProgrammesTable(tables);
  // And the index by Entra object id joins the people it points at.
  await moveAadIndex(tables);
  const scheduleMarks = createTablesScheduleMarks(tables);
  const programmeReads = createProgrammeTableReads(tables.programmes);
  const store: Store = {
    programmes: createTablesProgrammeRepository(tables, programmeReads),
    workstreams: createTablesWorkstreamRepository(tables),
    actions: createTablesActionRepository(tables),
    roles: createTablesRoleRepository(tables),
    people: createTablesPersonRepository(tables),
    conversations: createTablesConversationRepository(tables),
    outbox: createTablesOutboxRepository(tables),
    leases: createTablesLeaseRepository(tables),
    plans: createTablesPlanRepository(tables),
    admins: createTablesAdminRepository(tables.admins),
    links: createTablesLinkRepository(tables.programmes, programmeReads),
    pendingImports: createTablesPendingImportRepository(tables.pendingImports),
    summaries: createTablesSummaryRepository(tables),
    ...governance,
    measures: createTablesMeasureRepository(tables),
    scheduleMarks,
  };
  // Approvals decided before they were kept on the action's record count from now on.
  await keepEarlierApprovals(store, tableClient(options, 'revisions'));
  return withScheduleTouches(store, scheduleMarks);
}

/**
 * A client for one table, named after the store's prefix, as the store makes them: reads
 * through `tables-support.ts` need one of these. Exported for storage tests.
 */
export function tableClient(options: TablesStoreOptions, name: string): TableClient {
  const { connection, tablePrefix, onRequest, onAnswer } = options;
  const tableName = `${tablePrefix}${name}`;
  const additionalPolicies: AdditionalPolicy[] = [
    { position: 'perCall', policy: resendUnsentPolicy },
    ...(onRequest ? [countingPolicy(onRequest, onAnswer)] : []),
  ];
  if ('connectionString' in connection) {
    const insecure = /TableEndpoint=http:|UseDevelopmentStorage=true/i.test(
      connection.connectionString,
    );
    const client = TableClient.fromConnectionString(connection.connectionString, tableName, {
      allowInsecureConnection: insecure,
      additionalPolicies,
    });
    return sendPlainly(client, insecure);
  }
  const client = new TableClient(connection.accountUrl, tableName, connection.credential, {
    additionalPolicies,
  });
  return sendPlainly(client, false);
}

/** The table clients the repositories share; exported for storage tests. */
export function tableClients(options: TablesStoreOptions): TablesContext {
  const { tablePrefix } = options;
  const client = (tableName: string): TableClient =>
    tableClient({ ...options, tablePrefix: '' }, tableName);
  const fixed = Object.fromEntries(
    TABLES.map((name) => [name, client(`${tablePrefix}${name}`)]),
  ) as Record<TableName, TableClient>;
  const statusTables = new Map<string, TableClient>();
  const created = new Set<string>();
  const status = (partitionKey: string): TableClient => {
    const name = statusTableName(tablePrefix, partitionKey);
    const found = statusTables.get(name) ?? client(name);
    statusTables.set(name, found);
    return found;
  };
  return {
    ...fixed,
    status,
    async createStatusTable(partitionKey) {
      const table = status(partitionKey);
      if (created.has(table.tableName)) return;
      await createTable(table);
      created.add(table.tableName);
    },
  };
}

/** Per retry, so a request the SDK sends twice counts twice, as the service sees it. */
function countingPolicy(
  onRequest: (request: StorageRequest) => void,
  onAnswer: TablesStoreOptions['onAnswer'],
): AdditionalPolicy {
  return {
    position: 'perRetry',
    policy: {
      name: 'actionTrackerRequestCount',
      async sendRequest(request, next) {
        const seen = { method: request.method, url: request.url };
        onRequest(seen);
        let bytes = 0;
        try {
          const response = await next(request);
          bytes = Buffer.byteLength(response.bodyAsText ?? '');
          return response;
        } finally {
          onAnswer?.(seen, { bytes });
        }
      },
    },
  };
}

type AdditionalPolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number];

async function createTable(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (error) {
    throw unexpected(`creating table ${client.tableName}`, error);
  }
}
