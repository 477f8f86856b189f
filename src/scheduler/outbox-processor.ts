import type { Logger } from '../app/logger.js';
import type { ConversationRepository } from '../store/conversation.repository.js';
import type { OutboxRepository } from '../store/outbox.repository.js';
import type { PersonRepository } from '../store/role.repository.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { deliverMessage, type DeliveryPorts, type DeliveryResult } from './deliver-message.js';
import type { MessageTransport } from './message-transport.js';
import type { RateLimiter } from './rate-limiter.js';
import type { PersonReach } from './reach-person.js';
import type { SendMetrics } from './send-metrics.js';
import type { Timer } from './timer.js';

export interface OutboxProcessorOptions {
  readonly outbox: Pick<OutboxRepository, 'listPending' | 'update'>;
  readonly conversations: Pick<ConversationRepository, 'get' | 'getPersonalByEmail'>;
  /** Where people who cannot be reached are recorded. */
  readonly people: Pick<PersonRepository, 'get' | 'save'>;
  readonly transport: MessageTransport;
  /** Installs the app for a person with no chat with the bot (proactive install). */
  readonly reach: PersonReach;
  /** Shared by every send of this instance. */
  readonly limiter: RateLimiter;
  readonly timer: Timer;
  readonly logger: Logger;
  /** Counts sends, retries and failures for telemetry (`noSendMetrics` when it is off). */
  readonly metrics: SendMetrics;
  /** Sends in flight at once; the limiter still decides the rate. Default 8. */
  readonly concurrency?: number;
  /** Rows read from the outbox at a time. Default 100. */
  readonly batchSize?: number;
  /** Default 8; then the message stays `failed` with its last error for an admin to see. */
  readonly maxAttempts?: number;
  /** How long `sending` may last before another instance takes the message over. Default 2 min. */
  readonly sendingTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /** For jitter; `Math.random` by default. */
  readonly random?: () => number;
}

export type DrainReport = Readonly<Record<DeliveryResult, number>> & {
  /** False when the drain stopped early because this instance lost the lease. */
  readonly completed: boolean;
};

export interface OutboxProcessor {
  /**
   * Sends every message due now, in batches, until none is left or `keepGoing` says stop
   * (checked between batches: the lease). Failed sends are rescheduled, not waited for.
   */
  drain(keepGoing?: () => Promise<boolean>): Promise<DrainReport>;
}

export function createOutboxProcessor(options: OutboxProcessorOptions): OutboxProcessor {
  const ports: DeliveryPorts = {
    outbox: options.outbox,
    conversations: options.conversations,
    people: options.people,
    transport: options.transport,
    reach: options.reach,
    limiter: options.limiter,
    timer: options.timer,
    logger: options.logger,
    random: options.random ?? Math.random,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    maxAttempts: options.maxAttempts ?? 8,
    sendingTimeoutMs: options.sendingTimeoutMs ?? 120_000,
  };
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? 100;

  return {
    async drain(keepGoing = () => Promise.resolve(true)) {
      const counts: Record<DeliveryResult, number> = {
        sent: 0,
        retry: 0,
        refused: 0,
        'gave-up': 0,
        unreachable: 0,
        taken: 0,
      };
      for (;;) {
        if (!(await keepGoing())) return { ...counts, completed: false };
        const batch = await options.outbox.listPending(options.timer.now(), batchSize);
        if (batch.length === 0) return { ...counts, completed: true };
        let next = 0;
        let progress = 0;
        const worker = async (): Promise<void> => {
          for (let entry = batch[next++]; entry !== undefined; entry = batch[next++]) {
            const result = await deliverMessage(ports, entry);
            counts[result] += 1;
            count(options.metrics, result, entry.value.kind);
            if (result !== 'taken') progress += 1;
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
        // Every row of the batch taken by someone else: leave the rest to them.
        if (progress === 0) return { ...counts, completed: true };
      }
    },
  };
}

function count(metrics: SendMetrics, result: DeliveryResult, kind: string): void {
  switch (result) {
    case 'sent':
      return metrics.sent(kind);
    case 'retry':
      return metrics.retried(kind);
    case 'gave-up':
    case 'refused':
      return metrics.failed(kind);
    case 'unreachable':
      return metrics.unreachable(kind);
    case 'taken':
      return;
  }
}
