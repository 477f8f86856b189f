import { readFileSync } from 'node:fs';
import { createAdminDirectory } from '../app/admin/admin-directory.js';
import type { Clock } from '../app/clock.js';
import { systemClock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import { createBot } from '../bot/create-bot.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createServer, type BotServer } from './create-server.js';
import { tabRoutes } from './tab/index.js';
import { readServerConfig } from './server-config.js';

export interface StartAppOptions {
  /** Settings; usually `process.env`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  readonly clock?: Clock;
}

export interface RunningApp {
  readonly server: BotServer;
  readonly store: Store;
  /** Stops the server (letting requests in flight finish), then the store (and Azurite). */
  close(): Promise<void>;
}

/** The package version, reported by /healthz. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}

function readAdmins(env: StartAppOptions['env']): string[] {
  return (env['ADMINS'] ?? '')
    .split(',')
    .map((email) => email.trim())
    .filter((email) => email !== '');
}

/**
 * The composition root: settings, storage, the Teams bot and the HTTP server, in the order
 * they depend on each other. Settings are checked before anything starts.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const { env, logger } = options;
  const config = readServerConfig(env);
  const storage = await openStore(env, logger);
  try {
    const { store } = storage;
    const bot = createBot({
      programmes: store.programmes,
      workstreams: store.workstreams,
      actions: store.actions,
      roles: store.roles,
      people: store.people,
      conversations: store.conversations,
      clock: options.clock ?? systemClock,
      logger,
      admins: readAdmins(env),
    });
    const server = await createServer({
      bot,
      config,
      storageHealthy: () => storage.healthy(),
      logger,
      version: packageVersion(),
      routes: tabRoutes({
        env,
        store,
        // The same admins as the bot's; stored admins join once the Store carries their port.
        admins: createAdminDirectory({
          configured: readAdmins(env),
          admins: { get: () => Promise.resolve(null) },
        }),
        clock: options.clock ?? systemClock,
        logger,
      }),
    });
    return {
      server,
      store,
      close: async () => {
        try {
          await server.close();
        } finally {
          await storage.close();
        }
      },
    };
  } catch (error: unknown) {
    await storage.close();
    throw error;
  }
}
