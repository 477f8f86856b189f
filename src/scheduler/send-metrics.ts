/**
 * Counts what the outbox does with each message, for the operator's dashboards. The kind is
 * the message's kind (prompt, reminder, digest…), so counts can be split by it.
 */
export interface SendMetrics {
  sent(kind: string): void;
  failed(kind: string): void;
  retried(kind: string): void;
  unreachable(kind: string): void;
}

/** Counting nothing: telemetry is off. */
export const noSendMetrics: SendMetrics = {
  sent: () => undefined,
  failed: () => undefined,
  retried: () => undefined,
  unreachable: () => undefined,
};
