import type { Logger } from '../app/logger.js';

export interface StopOnSignalsOptions {
  readonly logger: Logger;
  /** Stops the app: no new requests, lease released, storage last. */
  readonly stop: () => Promise<void>;
  /**
   * How long a stop may take before the process leaves anyway. Default 4.5 s: inside the 5 s
   * the service promises, and well inside the 10 s Docker and systemd wait before SIGKILL.
   */
  readonly graceMs?: number;
  readonly signals?: readonly NodeJS.Signals[];
  /** Default `process.exit`. */
  readonly exit?: (code: number) => void;
}

/**
 * Stops the app once on SIGINT or SIGTERM. A second signal while stopping is expected, not
 * urgent: a terminal's Ctrl+C and `npm start` both reach the process, and Docker or systemd
 * signal the whole process group; so it is noted and the stop carries on.
 */
export function stopOnSignals(options: StopOnSignalsOptions): void {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const graceMs = options.graceMs ?? 4_500;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.info(`Received ${signal} again; already stopping.`);
      return;
    }
    stopping = true;
    logger.info(
      `Received ${signal}: refusing new requests, letting go of the sending lease, then stopping storage. Messages not yet sent stay in the outbox for the next start.`,
    );
    const late = setTimeout(() => {
      logger.warn(
        `Could not stop within ${graceMs} ms; leaving now. Unsent messages stay in the outbox, the sending lease expires on its own, and embedded storage saves its data as it stops.`,
      );
      exit(1);
    }, graceMs);
    late.unref();
    options.stop().then(
      () => {
        clearTimeout(late);
        logger.info('Stopped cleanly.');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(late);
        logger.error('Could not stop cleanly', {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGINT', 'SIGTERM']) process.on(signal, onSignal);
}
