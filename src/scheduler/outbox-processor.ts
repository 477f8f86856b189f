import type { Logger } from '../app/logger.js';
import type { ConversationRepository } from '../store/conversation.repository.js';
import type { OutboxMessage, OutboxRepository } from '../store/outbox.repository.js';
import type { Versioned } from '../store/versioned.js';
import type { PersonRepository } from '../store/role.repository.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { deliverMessage, type DeliveryPorts, type DeliveryResult } from './deliver-message.js';
import type { MessageTransport } from './message-transport.js';
import type { RateLimiter } from './rate-limiter.js';
import type { PersonReach } from './reach-person.js';
import type { SendMetrics } from './send-metrics.js';
import type { Timer } from './timer.js';

export interface OutboxProcessorOptions {
  readonly outbox: Pick<OutboxRepository, 'pagePending' | 'update'>;
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
  /**
   * Sends in flight at most (`SEND_CONCURRENCY`), never exceeded: each send in flight is one
   * claimed row, so it is also the most a crash can make arrive twice. Default 8. With
   * `ratePerSecond`, the drain starts at {@link START_CONCURRENCY} (or this, if lower) and
   * grows towards this ceiling as far as that rate needs at the Connector's latency as
   * measured (rate × latency, with a margin).
   */
  readonly concurrency?: number;
  /** The rate the limiter allows one tenant: what concurrency grows to reach. */
  readonly ratePerSecond?: number;
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
   * Sends every message due now (of one programme, when given), a page at a time, until none
   * is left or `keepGoing` says stop (checked before each page: the lease). The next page is
   * read while the last sends of the one before are in flight, so the rate does not dip
   * between pages. Failed sends are rescheduled, not waited for.
   */
  drain(keepGoing?: () => Promise<boolean>, programmeId?: string): Promise<DrainReport>;
}

/** Teams allows 7 sends a second to one conversation; across many, this many in flight. */
export const MAX_CONCURRENCY = 64;
/** Where adaptive concurrency starts: enough for 30 a second at about 200 ms a send. */
export const START_CONCURRENCY = 8;

export function createOutboxProcessor(options: OutboxProcessorOptions): OutboxProcessor {
  const latency = createLatencyGauge();
  const ports: DeliveryPorts = {
    observeSendMs: (ms) => latency.add(ms / 1000),
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
  const ceiling = Math.min(MAX_CONCURRENCY, options.concurrency ?? 8);
  const batchSize = options.batchSize ?? 100;

  const wanted = (): number => {
    if (options.ratePerSecond === undefined) return ceiling;
    // Little's law: in flight = rate × time each takes; a quarter more for the variation.
    const needed = Math.ceil(options.ratePerSecond * (latency.seconds() * 1.25));
    return Math.min(ceiling, Math.max(START_CONCURRENCY, needed));
  };

  return {
    async drain(keepGoing = () => Promise.resolve(true), programmeId) {
      const counts: Record<DeliveryResult, number> = {
        sent: 0,
        retry: 0,
        refused: 0,
        'gave-up': 0,
        unreachable: 0,
        taken: 0,
      };
      const queue: Versioned<OutboxMessage>[] = [];
      const inFlight = new Set<string>();
      let finished = false;
      let completed = true;
      let takenInARow = 0;
      let reading: Promise<void> | null = null;

      // Where this pass over the outbox has got to: each page starts after the last, so rows
      // sent earlier in the fan-out are not read again for every page.
      let from: string | null = null;
      const readPage = async (): Promise<void> => {
        if (!(await keepGoing())) {
          finished = true;
          completed = false;
          return;
        }
        for (;;) {
          const fromTop = from === null;
          const page = await options.outbox.pagePending(
            options.timer.now(),
            batchSize,
            programmeId,
            from,
          );
          from = page.next;
          const queued = new Set(queue.map((entry) => entry.value.key));
          const fresh = page.rows.filter(
            (e) => !inFlight.has(e.value.key) && !queued.has(e.value.key),
          );
          // The end of a pass: read again from the top, for retries that fell due behind it.
          if (fresh.length === 0 && !fromTop) continue;
          // Nothing new from the top and nothing in flight: the outbox has nothing due now.
          if (fresh.length === 0 && inFlight.size === 0 && queue.length === 0) finished = true;
          queue.push(...fresh);
          return;
        }
      };
      const refill = (): Promise<void> => {
        reading ??= readPage().finally(() => {
          reading = null;
        });
        return reading;
      };

      let workers = 0;
      const worker = async (): Promise<void> => {
        workers += 1;
        try {
          for (;;) {
            // Read ahead when the queue runs low, so the pipeline never empties between pages.
            if (queue.length <= wanted() && !finished) {
              refill().catch((error: unknown) => {
                // The next read, awaited below, tries again and fails the drain if it must.
                options.logger.warn('Reading ahead in the outbox failed', { error: String(error) });
              });
            }
            if (queue.length === 0) {
              if (finished) return;
              await refill();
              // Only what is in flight is left: its workers read again when they finish.
              if (queue.length === 0) return;
            }
            const entry = queue.shift();
            if (entry === undefined) continue;
            inFlight.add(entry.value.key);
            const result = await deliverMessage(ports, entry).finally(() =>
              inFlight.delete(entry.value.key),
            );
            counts[result] += 1;
            count(options.metrics, result, entry.value.kind);
            takenInARow = result === 'taken' ? takenInARow + 1 : 0;
            // A page's worth taken by someone else: leave the rest to them.
            if (takenInARow >= batchSize) finished = true;
            while (workers < wanted() && queue.length > 0 && !finished) void spawn();
          }
        } finally {
          workers -= 1;
        }
      };
      const running: Promise<void>[] = [];
      const spawn = (): Promise<void> => {
        const started = worker();
        running.push(started);
        return started;
      };
      await refill();
      const first = Math.min(wanted(), Math.max(queue.length, 1));
      for (let i = 0; i < first; i += 1) void spawn();
      // Workers may start more workers; wait until every one has ended.
      for (let settled = 0; settled < running.length;) {
        const waiting = running.slice(settled);
        settled = running.length;
        await Promise.all(waiting);
      }
      if (!finished && queue.length > 0) completed = false;
      return { ...counts, completed };
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

/** Seconds a send takes, as a moving average of the latest ones (0.1 s until measured). */
function createLatencyGauge() {
  let average: number | null = null;
  return {
    add(seconds: number): void {
      average = average === null ? seconds : average * 0.9 + seconds * 0.1;
    },
    seconds: (): number => average ?? 0.1,
  };
}
