import { readFileSync } from 'node:fs';
import { createAdminDirectory, parseAdminList } from '../app/admin/admin-directory.js';
import { readCacheTtlFrom, withReadCache } from '../store/read-cache.js';
import type { Clock } from '../app/clock.js';
import { systemClock } from '../app/clock.js';
import { createDigestUseCase } from '../app/digest/digest.use-case.js';
import { createReportLinks } from '../app/digest/report-link.js';
import { createReportUseCase } from '../app/digest/report.use-case.js';
import type { Logger } from '../app/logger.js';
import { createBot } from '../bot/create-bot.js';
import { fileHostsFrom } from '../bot/outbound-policy.js';
import { createProactiveScheduler } from './compose-scheduler.js';
import { composeBot, snapshotPorts } from './compose.js';
import { readSchedulerConfig } from '../scheduler/scheduler-config.js';
import type { SendMetrics } from '../scheduler/send-metrics.js';
import { systemTimer } from '../scheduler/timer.js';
import { readMessageBudget } from '../cards/message-budget.js';
import { createAppInstaller } from '../graph/create-app-installer.js';
import { readGraphConfig } from '../graph/graph-config.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createServer, type BotServer } from './create-server.js';
import { registerReportRoutes, reportLinkSecretFrom } from './report/report-routes.js';
import { readServerConfig } from './server-config.js';
import { tabRoutes } from './tab/index.js';

export interface StartAppOptions {
  /** Settings; usually `process.env`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  /** The scheduler's counters: telemetry's, or `noSendMetrics` when it is off. */
  readonly metrics: SendMetrics;
  readonly clock?: Clock;
}

export interface RunningApp {
  readonly server: BotServer;
  readonly store: Store;
  /**
   * Stops taking requests and stops the scheduler at once; once requests in flight are answered
   * and the lease is released, stops the store.
   */
  close(): Promise<void>;
}

/** The package version, reported by /healthz. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}

/**
 * The composition root: settings, storage, the Teams bot, the HTTP server (with the dashboard
 * tab) and the scheduler, in the order they depend on each other. Settings are all checked
 * before anything starts.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const { env, logger } = options;
  const config = readServerConfig(env);
  const schedulerConfig = readSchedulerConfig(env);
  const graphConfig = readGraphConfig(env);
  const budget = readMessageBudget(env);
  const clock = options.clock ?? systemClock;
  const readCacheTtlMs = readCacheTtlFrom(env);
  if (config.auth.mode !== 'none' && reportLinkSecretFrom(env) === null) {
    // Without a key the full report would be open to anyone who can reach the service.
    throw new Error(
      'REPORT_LINK_SECRET is not set, and there is no MicrosoftAppPassword to use instead: set REPORT_LINK_SECRET to a long random value so links to the full report can be signed.',
    );
  }
  const install = createAppInstaller(graphConfig, {
    sleep: (ms) => systemTimer.sleep(ms),
    now: () => Date.now(),
  });
  if (install.disabledReason !== null && config.auth.mode !== 'none') {
    logger.warn(
      `Proactive install is off, so only people who have opened the app can be messaged: ${install.disabledReason}`,
    );
  }
  const storage = await openStore(env, logger);
  try {
    // Every part of the app shares one cache, so each write here clears what it changed. Its
    // expiry runs on real time: a test's fixed clock must not keep other writers' data stale.
    const store = withReadCache(storage.store, { ttlMs: readCacheTtlMs, clock: systemClock });
    const admins = createAdminDirectory({
      configured: parseAdminList(env['ADMINS']),
      admins: store.admins,
    });
    const publicBaseUrl = env['PUBLIC_BASE_URL']?.trim() || null;
    const bot = createBot(
      composeBot({
        store,
        adminDirectory: admins,
        clock,
        logger,
        publicBaseUrl,
        reportLinkSecret: reportLinkSecretFrom(env),
        messageBudget: budget,
        installer: install.installer,
        fileHosts: fileHostsFrom(env['FILE_HOSTS']),
        // Without sign-in nobody can be told apart; with it, only members read a programme.
        openToEveryone: config.auth.mode === 'none',
      }),
    );
    const server = await createServer({
      bot,
      config,
      storageHealthy: () => storage.healthy(),
      logger,
      version: packageVersion(),
      routes: (server) => {
        tabRoutes({ env, store, admins, clock, logger })(server);
        registerReportRoutes(server, {
          reports: createReportUseCase({ ...snapshotPorts(store), people: store.people, clock }),
          logger,
          links: createReportLinks({
            publicBaseUrl,
            secret: reportLinkSecretFrom(env),
            clock,
          }),
        });
      },
    });
    // Prompts, reminders and digests go out through the server's adapter, so it comes after.
    const scheduler = schedulerConfig.enabled
      ? createProactiveScheduler({
          store,
          adapter: server.adapter,
          appId: config.auth.mode === 'none' ? '' : config.auth.appId,
          config: schedulerConfig,
          logger,
          metrics: options.metrics,
          installer: install.installer,
          budget,
          ...(env['TEAMS_SERVICE_URL']?.trim()
            ? { teamsServiceUrl: env['TEAMS_SERVICE_URL'].trim() }
            : {}),
          boards: store.links,
          digest: createDigestUseCase({
            ...snapshotPorts(store),
            people: store.people,
            clock,
            publicBaseUrl,
            reportLinkSecret: reportLinkSecretFrom(env),
          }),
        })
      : null;
    scheduler?.start();
    return {
      server,
      store,
      close: async () => {
        try {
          // Both need storage to finish (a request's reply, the lease's release), so it goes last.
          await Promise.all([server.close(), scheduler?.stop()]);
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
