import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../app/logger.js';
import type { RunDue, RunDueReport } from '../app/prompt/run-due.use-case.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { DrainReport, OutboxProcessor } from './outbox-processor.js';
import type { Timer } from './timer.js';

export interface SchedulerOptions {
  readonly runDue: RunDue;
  readonly processor: OutboxProcessor;
  readonly lease: LeaseKeeper;
  readonly timer: Timer;
  readonly logger: Logger;
  /** node-cron expression; every minute by default. */
  readonly cronExpression?: string;
}

export type TickReport =
  | { readonly leader: false }
  | { readonly leader: true; readonly planned: RunDueReport; readonly drained: DrainReport };

export interface Scheduler {
  /** One pass: take the lease, plan what is due now into the outbox, send what is pending. */
  tick(): Promise<TickReport>;
  /** Starts the cron tick. */
  start(): void;
  /** Stops the tick, waits for one in progress, and lets the lease go for another instance. */
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { lease, logger } = options;
  let task: ScheduledTask | null = null;
  let running: Promise<unknown> | null = null;
  let stopping = false;

  const tick = async (): Promise<TickReport> => {
    if (!(await lease.hold())) return { leader: false };
    // Planning needs no lease (the outbox refuses repeats); holding it first keeps the
    // followers' storage reads down to one lease call a minute.
    const planned = await options.runDue.run(options.timer.now());
    // Stopping ends a long fan-out between batches; the rest goes out from the next holder.
    const drained = await options.processor.drain(
      async () => !stopping && (await lease.stillHeld()),
    );
    if (planned.planned > 0 || drained.sent > 0 || drained.retry > 0 || drained.unreachable > 0) {
      logger.info('Scheduler tick', { planned: planned.planned, ...drained });
    }
    return { leader: true, planned, drained };
  };

  const guardedTick = async (): Promise<void> => {
    if (running !== null) return;
    running = tick()
      .catch((error: unknown) => {
        logger.error('The scheduler tick failed; it will run again next minute', {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      })
      .finally(() => {
        running = null;
      });
    await running;
  };

  return {
    tick,
    start() {
      if (task !== null) return;
      stopping = false;
      task = cron.schedule(options.cronExpression ?? '* * * * *', guardedTick, {
        name: 'action-tracker-scheduler',
        noOverlap: true,
      });
    },
    async stop() {
      stopping = true;
      if (task !== null) {
        await task.destroy();
        task = null;
      }
      if (running !== null) await running;
      await lease.release();
    },
  };
}
