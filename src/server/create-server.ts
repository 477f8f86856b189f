import restify from 'restify';
import type { Logger } from '../app/logger.js';
import { createBotAuthentication } from './bot-authentication.js';
import { ServerAdapter } from './server-adapter.js';
import { createHealthHandler } from './health-route.js';
import { homePage } from './home-page.js';
import {
  createMessagesHandler,
  installTurnErrorHandler,
  type TurnHandler,
} from './messages-route.js';
import { logRequests } from './request-log.js';
import type { ServerConfig } from './server-config.js';
import { createJsonBody, REQUEST_LIMITS, refuseContentEncoding } from './bounded-body.js';

/** Teams activities are small; a card submit with long notes stays well under this. */
export const MAX_BODY_BYTES = REQUEST_LIMITS.maxBodyBytes;

const INTERNAL_ERROR_BODY = {
  error: { code: 'INTERNAL', message: 'Something went wrong on our side; please try again later.' },
};

/** restify's own 4xx answers (no such route, wrong method): their words are about the request. */
function isClientError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { statusCode, body } = err as Error & { statusCode?: unknown; body?: unknown };
  return typeof statusCode === 'number' && statusCode < 500 && typeof body === 'object';
}

export interface BotServerOptions {
  /** Runs each authenticated activity (the Teams bot, or an echo handler in tests). */
  readonly bot: TurnHandler;
  /** From `readServerConfig(process.env)`. */
  readonly config: ServerConfig;
  /** Whether storage answers; reported by `/healthz`. */
  readonly storageHealthy: () => Promise<boolean>;
  readonly logger: Logger;
  /** Reported by `/healthz`; the package version. */
  readonly version?: string;
  /** Adds further routes (the dashboard tab's API and files) before the server listens. */
  readonly routes?: (server: restify.Server) => void;
}

export interface BotServer {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  readonly url: string;
  /** For proactive messages (`continueConversationAsync`). */
  readonly adapter: ServerAdapter;
  /** Stops accepting requests and resolves once those in flight have been answered. */
  close(): Promise<void>;
}

export async function createServer(options: BotServerOptions): Promise<BotServer> {
  const { config, logger } = options;
  const adapter = new ServerAdapter(createBotAuthentication(config.auth, config.allowedTenants));
  installTurnErrorHandler(adapter, logger);

  const server = restify.createServer({ name: 'action-tracker', handleUncaughtExceptions: false });
  // Node's defaults (5 min per request, checked every 30 s) let slow senders hold memory.
  server.server.headersTimeout = REQUEST_LIMITS.headersTimeoutMs;
  server.server.requestTimeout = REQUEST_LIMITS.requestTimeoutMs;
  // A plain property Node reads when the server starts listening; its types only name the option.
  Object.assign(server.server, {
    connectionsCheckingInterval: REQUEST_LIMITS.timeoutCheckIntervalMs,
  });
  server.server.keepAliveTimeout = REQUEST_LIMITS.keepAliveTimeoutMs;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.pre((_req, res, next) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0 && drained !== null) drained();
    });
    return next();
  });
  logRequests(server, logger);
  server.pre(refuseContentEncoding);
  server.on(
    'restifyError',
    (req: restify.Request, res: restify.Response, err: unknown, done: () => void) => {
      if (isClientError(err)) return done();
      // Whatever failed (a storage error naming its table, a bug), the caller learns only that
      // something did; the details go to the log.
      logger.error('A request failed', {
        method: req.method,
        path: req.path(),
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      if (!res.headersSent) res.send(500, INTERNAL_ERROR_BODY);
      return done();
    },
  );

  server.post(
    '/api/messages',
    createJsonBody(MAX_BODY_BYTES),
    createMessagesHandler({ adapter, bot: options.bot, logger }),
  );
  server.get(
    '/healthz',
    createHealthHandler({
      storageHealthy: options.storageHealthy,
      version: options.version ?? 'unknown',
      startedAt: Date.now(),
      logger,
    }),
  );
  server.get('/', homePage);
  options.routes?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  if (config.auth.mode === 'none') {
    logger.warn(
      'No MicrosoftAppId is set: the bot accepts activities without checking who sent them, so it listens on 127.0.0.1 only. Set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId to connect it to Teams.',
      { url },
    );
  }
  logger.info('The bot is listening', { url, authentication: config.auth.mode });

  return {
    url,
    adapter,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
        server.server.closeIdleConnections();
        if (inFlight > 0) {
          drained = () => server.server.closeIdleConnections();
        }
      }),
  };
}
