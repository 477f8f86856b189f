import type { Logger } from '../../app/logger.js';
import { noSendMetrics, type SendMetrics } from '../../scheduler/send-metrics.js';

/** Telemetry as the rest of the process sees it. */
export interface Telemetry {
  /** Counters the scheduler adds to as messages go out. */
  readonly metrics: SendMetrics;
  /** Sends what is buffered and stops; part of a clean stop. */
  stop(): Promise<void>;
}

const OFF: Telemetry = { metrics: noSendMetrics, stop: () => Promise.resolve() };

/**
 * Starts OpenTelemetry with Azure Monitor when `APPLICATIONINSIGHTS_CONNECTION_STRING` is set,
 * before the app is loaded so its HTTP server, its calls to Teams and its storage calls are
 * traced. Unset, nothing is loaded: the SDK is imported only here, and only then.
 */
export async function startTelemetry(
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): Promise<Telemetry> {
  const connectionString = env['APPLICATIONINSIGHTS_CONNECTION_STRING']?.trim() ?? '';
  if (connectionString === '') return OFF;
  const { startAzureMonitor } = await import('./azure-monitor.js');
  const clientId = env['AZURE_CLIENT_ID']?.trim();
  const telemetry = await startAzureMonitor({
    connectionString,
    ...(clientId ? { managedIdentityClientId: clientId } : {}),
  });
  logger.info('Telemetry: sending traces and metrics to Application Insights.', {
    signIn: clientId ? 'managed identity' : 'connection string',
  });
  return {
    metrics: telemetry.metrics,
    // Telemetry that cannot be delivered at the end is a pity, not a failed stop.
    stop: () =>
      telemetry.stop().catch((error: unknown) => {
        logger.warn('The last telemetry could not be sent to Application Insights.', {
          error: error instanceof Error ? error.message : String(error),
        });
      }),
  };
}
