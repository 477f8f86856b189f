import { TableClient, TableServiceClient } from '@azure/data-tables';
import type { Activity } from 'botbuilder';
import { inject } from 'vitest';
import type { BotServer } from '../../src/server/create-server.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore } from '../../src/store/tables-store.js';
import { seedSamplePlan } from '../app/seed-sample.js';
import { createSampleBot, NOW, people, seatTheChair } from '../bot/bot-harness.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startBot } from '../support/start-bot.js';
import {
  startTestChannel,
  type TestChannel,
  type TestChannelOptions,
} from '../support/test-channel/test-channel.js';

export { NOW, people };

export interface SecurityHarness {
  readonly store: Store;
  readonly channel: TestChannel;
  readonly bot: BotServer;
  readonly tablePrefix: string;
  /** Every row of every table this harness uses, with its ETag: equal snapshots, no writes. */
  storageSnapshot(): Promise<string>;
  /** Whether the bot sent anything to Teams in answer to this activity. */
  answered(activity: Partial<Activity>): boolean;
  stop(): Promise<void>;
}

export interface SecurityHarnessOptions {
  readonly channel?: TestChannelOptions;
  /** Settings on top of the channel's (`ALLOWED_TENANTS`, `MicrosoftAppType`…). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The real server and Teams bot on Azurite (tables of its own, the sample plan loaded), driven
 * over HTTP by the local test channel; with a way to show that a refused request wrote nothing.
 */
export async function startSecurityHarness(
  options: SecurityHarnessOptions = {},
): Promise<SecurityHarness> {
  const connectionString = inject('azuriteConnectionString');
  const tablePrefix = uniqueTablePrefix('sec');
  const store = await createTablesStore({ connection: { connectionString }, tablePrefix });
  await seedSamplePlan(store);
  await seatTheChair(store);
  const channel = await startTestChannel(options.channel);
  const bot = await startBot({
    env: { ...channel.botEnv(), ...options.env },
    bot: createSampleBot(store),
  });
  const service = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection: true,
  });
  return {
    store,
    channel,
    bot,
    tablePrefix,
    async storageSnapshot() {
      const rows: string[] = [];
      for await (const table of service.listTables()) {
        const name = table.name ?? '';
        if (!name.startsWith(tablePrefix)) continue;
        const client = TableClient.fromConnectionString(connectionString, name, {
          allowInsecureConnection: true,
        });
        const entities = client.listEntities({
          queryOptions: { select: ['PartitionKey', 'RowKey'] },
        });
        for await (const entity of entities) {
          rows.push(`${name}/${entity.partitionKey}/${entity.rowKey}/${entity.etag}`);
        }
      }
      return rows.sort().join('\n');
    },
    answered: (activity) => channel.sent.some((call) => call.activityId === activity.id),
    async stop() {
      await bot.close();
      await channel.stop();
    },
  };
}
