import { createConsoleLogger } from './server/console-logger.js';
import { ServerConfigError } from './server/server-config.js';
import { startApp } from './server/start-app.js';

const logger = createConsoleLogger({ json: process.env['LOG_FORMAT'] === 'json' });

async function main(): Promise<void> {
  const app = await startApp({ env: process.env, logger });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`Received ${signal} again while stopping; exiting now.`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`Received ${signal}; finishing requests in flight, then stopping storage.`);
    app.close().then(
      () => {
        logger.info('Stopped cleanly.');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('Could not stop cleanly', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ServerConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error('The bot could not start', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  process.exit(1);
});
