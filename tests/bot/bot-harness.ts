import type { Activity } from 'botbuilder';
import { unescapePlainText } from '../../src/cards/plain-text.js';
import { inject } from 'vitest';
import { createAdminDirectory } from '../../src/app/admin/admin-directory.js';
import { silentLogger } from '../../src/app/logger.js';
import type { AppInstaller } from '../../src/app/ports/app-installer.js';
import { createBot } from '../../src/bot/create-bot.js';
import { createAppInstaller } from '../../src/graph/create-app-installer.js';
import { unavailableInstaller } from '../../src/graph/graph-app-installer.js';
import { readGraphConfig } from '../../src/graph/graph-config.js';
import { createMessageBudget, type MessageBudget } from '../../src/cards/message-budget.js';
import { composeBot } from '../../src/server/compose.js';
import type { BotServer } from '../../src/server/create-server.js';
import type { Store } from '../../src/store/store.js';
import { createTablesStore, type StorageRequest } from '../../src/store/tables-store.js';
import { fixedClock, seedSamplePlan } from '../app/seed-sample.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { startBot } from '../support/start-bot.js';
import {
  startTestChannel,
  testUser,
  type RecordedCall,
  type TestChannel,
} from '../support/test-channel/test-channel.js';

/**
 * The bot's answer to a card's Action.Execute, as the test channel hands it back: `value` is
 * the card or the message, typed as the test reads it.
 */
export interface InvokeAnswer<Value = unknown> {
  readonly status: number;
  readonly body: { readonly statusCode?: number; readonly type?: string; readonly value: Value };
}

/** Monday 1 March 2021, 10:42 in London: the Apr 2021 period is open. */
export const NOW = '2021-03-01T10:42:00Z';

export const people = {
  /** Holds CHAIR, which owns and decides nothing: reads the programme, may not update. */
  chair: testUser('Chris Chair', 'chris.chair@council.example'),
  /** Holds P16SM, the owner of A2. */
  owner: testUser('Sam Lees', 'sles@council.example'),
  /** Holds SLSESEND and deputises for ADES (A1, A3). */
  deputy: testUser('Sally Send', 'slsesend@council.example'),
  /** Holds DCO, which owns nothing in workstream A. */
  stranger: testUser('Dee Oh', 'dco@ccg.example'),
  admin: testUser('Ada Admin', 'admin@council.example'),
};

/**
 * The sample plan with one role more: the board's chair, held by {@link people.chair}, as an
 * admin's `/assign CHAIR chris.chair@council.example Chair of the SEND Improvement Board` adds
 * it (the workbook has no such role, so a re-import keeps it). A programme is read by its
 * members, so the chair is one; the role owns and decides nothing.
 */
export async function seatTheChair(store: Pick<Store, 'roles'>): Promise<void> {
  await store.roles.save({
    programmeId: 'wsoa',
    code: 'CHAIR',
    title: 'Chair of the SEND Improvement Board',
    person: people.chair.email,
    deputy: null,
    assigned: true,
  });
}

export interface BotHarness {
  readonly store: Store;
  readonly channel: TestChannel;
  readonly bot: BotServer;
  stop(): Promise<void>;
}

/**
 * The real server and bot on the Azure Tables store (the shared Azurite, tables of its own),
 * with the sample plan loaded, driven by the local test channel.
 */
/** The bot on the sample plan as the tests know it: fixed clock, one configured admin, no links. */
export function createSampleBot(
  store: Store,
  messageBudget: MessageBudget = createMessageBudget(),
  installer: AppInstaller = unavailableInstaller('PROACTIVE_INSTALL is off.'),
): ReturnType<typeof createBot> {
  return createBot(
    composeBot({
      store,
      clock: fixedClock(NOW),
      logger: silentLogger,
      adminDirectory: createAdminDirectory({
        configured: [people.admin.email],
        admins: store.admins,
      }),
      publicBaseUrl: null,
      reportLinkSecret: null,
      messageBudget,
      installer,
    }),
  );
}

export async function startBotHarness(
  options: {
    /** Swaps ports for fakes, to see how the bot meets a failing store. */
    readonly adapt?: (store: Store) => Store;
    /** The message budget replies are held to (MESSAGE_BUDGET_KB); Teams' 80 KB by default. */
    readonly messageBudget?: MessageBudget;
    /** Seeds more than the sample plan before the bot starts. */
    readonly seed?: (store: Store) => Promise<void>;
    /** Installs the app through the test channel's Graph, as production does; off by default. */
    readonly graph?: boolean;
    /** Told of every request the store sends to Azure Tables. */
    readonly onRequest?: (request: StorageRequest) => void;
  } = {},
): Promise<BotHarness> {
  const tables = await createTablesStore({
    connection: { connectionString: inject('azuriteConnectionString') },
    tablePrefix: uniqueTablePrefix('bot'),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const store = options.adapt ? options.adapt(tables) : tables;
  await seedSamplePlan(store);
  await seatTheChair(store);
  await options.seed?.(store);
  const channel = await startTestChannel();
  const installer =
    options.graph === true
      ? createAppInstaller(readGraphConfig({ ...channel.botEnv(), ...channel.graphEnv() }), {
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          now: () => Date.now(),
        }).installer
      : undefined;
  const bot = await startBot({
    env: channel.botEnv(),
    bot: createSampleBot(store, options.messageBudget, installer),
  });
  return {
    store,
    channel,
    bot,
    async stop() {
      await bot.close();
      await channel.stop();
    },
  };
}

/** Sends an activity and waits for the bot's reply to it. */
export async function replyTo(
  harness: BotHarness,
  activity: Partial<Activity>,
): Promise<RecordedCall> {
  const response = await harness.channel.send(harness.bot.url, activity);
  if (response.status !== 200) {
    throw new Error(`The bot answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return harness.channel.waitFor(
    (call) => call.activityId === activity.id && (call.kind === 'reply' || call.kind === 'post'),
  );
}

/** The first Adaptive Card of a sent activity. */
export function cardOf(call: RecordedCall): Record<string, unknown> {
  const body = call.body as Partial<Activity>;
  const content = body.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!content) throw new Error(`No card in ${JSON.stringify(call.body).slice(0, 300)}`);
  return content;
}

/** Everything a person reads on a card, joined into one string for `toContain`. */
export function textOf(card: unknown): string {
  const found: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    // A TextBlock's text as a reader sees it: Markdown's backslash escapes are not shown.
    if (key === 'text' && typeof value === 'string') found.push(unescapePlainText(value));
    if (key === 'title' && typeof value === 'string') found.push(value);
    return value;
  });
  return found.join('\n');
}

/** The data of the card's first button, as a person pressing it would send. */
export function buttonData(card: Record<string, unknown>): Record<string, unknown> {
  const actions = card['actions'] as { data?: Record<string, unknown> }[] | undefined;
  const data = actions?.[0]?.data;
  if (!data) throw new Error('The card has no button with data');
  return data;
}
