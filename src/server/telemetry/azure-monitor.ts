import { ManagedIdentityCredential } from '@azure/identity';
import { setLogLevel } from '@azure/logger';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics } from '@opentelemetry/api';
import type { SendMetrics } from '../../scheduler/send-metrics.js';

/**
 * OpenTelemetry through Azure Monitor: incoming requests and outgoing HTTP calls (Teams'
 * Connector, Graph, sign-in) from the http instrumentation, storage calls from the Azure SDK's,
 * and the scheduler's counters. Loaded only when a connection string is set.
 */
export function startAzureMonitor(options: {
  readonly connectionString: string;
  /** Send with the managed identity (Application Insights with local auth off). */
  readonly managedIdentityClientId?: string;
}): Promise<{ readonly metrics: SendMetrics; stop(): Promise<void> }> {
  // The exporter's own SDK warns on stderr about its internals; only its errors are news.
  setLogLevel('error');
  useAzureMonitor({
    azureMonitorExporterOptions: {
      connectionString: options.connectionString,
      ...(options.managedIdentityClientId
        ? {
            credential: new ManagedIdentityCredential({
              clientId: options.managedIdentityClientId,
            }),
          }
        : {}),
    },
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      // Nothing here uses these; leaving them off keeps their hooks out of every require.
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
    enableLiveMetrics: false,
  });
  const meter = metrics.getMeter('action-tracker');
  const counter = (name: string, description: string) =>
    meter.createCounter(name, { description, unit: '{message}' });
  const sent = counter('prompts.sent', 'Prompts, reminders and digests delivered to Teams');
  const failed = counter('prompts.failed', 'Messages given up on after their last attempt');
  const retried = counter('prompts.retried', 'Sends that failed and will be tried again');
  const unreachable = counter('prompts.unreachable', 'Messages with no one to go to');
  const sendMetrics: SendMetrics = {
    sent: (kind) => sent.add(1, { kind }),
    failed: (kind) => failed.add(1, { kind }),
    retried: (kind) => retried.add(1, { kind }),
    unreachable: (kind) => unreachable.add(1, { kind }),
  };
  return Promise.resolve({ metrics: sendMetrics, stop: () => shutdownAzureMonitor() });
}
