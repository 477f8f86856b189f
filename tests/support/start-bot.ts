import type { Logger } from '../../src/app/logger.js';
import { silentLogger } from '../../src/app/logger.js';
import { createServer, type BotServer } from '../../src/server/create-server.js';
import type { TurnHandler } from '../../src/server/messages-route.js';
import { readServerConfig } from '../../src/server/server-config.js';

export interface StartBotOptions {
  /** Settings as the process would read them; usually `channel.botEnv()`. PORT is forced to 0. */
  readonly env: Readonly<Record<string, string>>;
  /** What handles each activity: `createBot(...)`, or `createEchoBot()`. */
  readonly bot: TurnHandler;
  /** Defaults to "storage is healthy". */
  readonly storageHealthy?: () => Promise<boolean>;
  readonly logger?: Logger;
}

/** Starts the real server (restify + CloudAdapter) in-process on a free loopback port. */
export async function startBot(options: StartBotOptions): Promise<BotServer> {
  const config = readServerConfig({ ...options.env, PORT: '0', HOST: '127.0.0.1' });
  return createServer({
    bot: options.bot,
    config,
    storageHealthy: options.storageHealthy ?? (() => Promise.resolve(true)),
    logger: options.logger ?? silentLogger,
    version: 'test',
  });
}
