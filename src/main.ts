import { createLoggerFromEnv, logFormatFrom } from './server/logger.js';
import { startupBanner } from './server/startup-banner.js';
import { stopOnSignals } from './server/stop-on-signals.js';
import { startTelemetry } from './server/telemetry/telemetry.js';

const logger = createLoggerFromEnv(process.env);

async function main(): Promise<void> {
  // Telemetry hooks into http and the Azure SDK as they load, so it comes before the app.
  const telemetry = await startTelemetry(process.env, logger);
  const { startApp } = await import('./server/start-app.js');
  const app = await startApp({ env: process.env, logger, metrics: telemetry.metrics });
  const { url } = app.server;
  if (logFormatFrom(process.env) === 'readable') {
    process.stderr.write(startupBanner({ url, env: process.env }));
  } else {
    logger.info('Action Tracker is ready', { health: `${url}/healthz`, tab: `${url}/tab` });
  }
  stopOnSignals({
    logger,
    stop: async () => {
      await app.close();
      await telemetry.stop();
    },
  });
}

main().catch(async (error: unknown) => {
  const { explainStartFailure } = await import('./server/start-failure.js');
  const explained = explainStartFailure(error);
  if (explained !== null) {
    process.stderr.write(`${explained}\n`);
  } else {
    logger.error('The bot could not start', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  process.exit(1);
});
