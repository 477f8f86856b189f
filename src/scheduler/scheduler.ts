import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../app/logger.js';
import type { RunDue, RunDueReport } from '../app/prompt/run-due.use-case.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { DrainReport, OutboxProcessor } from './outbox-processor.js';
import type { ProgrammeLeases } from './programme-leases.js';
import type { Timer } from './timer.js';

export interface SchedulerOptions {
  readonly runDue: RunDue;
  readonly processor: OutboxProcessor;
  readonly lease: LeaseKeeper;
  readonly timer: Timer;
  readonly logger: Logger;
  /** node-cron expression; every minute by default. */
  readonly cronExpression?: string;
  /**
   * Sending leased per programme (docs/scheduler.md): every instance plans and sends for its
   * share of the programmes, and `lease` is not used. Without it, the holder of `lease` plans
   * and sends everything.
   */
  readonly programmeLeases?: ProgrammeLeases;
}

export type TickReport =
  | {
      readonly leader: false;
      /** With programme leases: what this instance sent for the programmes it holds. */
      readonly drained?: DrainReport;
      readonly programmes?: readonly string[];
    }
  | {
      /** This instance planned: it holds the lease, or with programme leases, at least one. */
      readonly leader: true;
      readonly planned: RunDueReport;
      readonly drained: DrainReport;
      readonly programmes?: readonly string[];
    };

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

  const tickPerProgramme = async (leases: ProgrammeLeases): Promise<TickReport> => {
    // Each instance plans the programmes it sends for, in the tick it takes their leases,
    // so what falls due goes out in that same tick whoever holds it (the outbox refuses
    // repeats, so a lease changing hands mid-tick costs nothing).
    const held = await leases.claim();
    const programmes = held.map((h) => h.programmeId);
    const planned =
      held.length > 0 ? await options.runDue.run(options.timer.now(), programmes) : null;
    const reports = await Promise.all(
      held.map(({ programmeId, lease: its }) =>
        options.processor.drain(async () => !stopping && (await its.stillHeld()), programmeId),
      ),
    );
    const drained = addReports(reports);
    if ((planned?.planned ?? 0) > 0 || drained.sent > 0 || drained.retry > 0) {
      logger.info('Scheduler tick', { planned: planned?.planned ?? 0, programmes, ...drained });
    }
    return planned
      ? { leader: true, planned, drained, programmes }
      : { leader: false, drained, programmes };
  };

  const tick = async (): Promise<TickReport> => {
    if (options.programmeLeases) return tickPerProgramme(options.programmeLeases);
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
      await options.programmeLeases?.releaseAll();
    },
  };
}

function addReports(reports: readonly DrainReport[]): DrainReport {
  const total = {
    sent: 0,
    retry: 0,
    'gave-up': 0,
    unreachable: 0,
    refused: 0,
    taken: 0,
    completed: true,
  };
  for (const report of reports) {
    for (const key of DRAIN_COUNTS) total[key] += report[key];
    total.completed &&= report.completed;
  }
  return total;
}

const DRAIN_COUNTS = ['sent', 'retry', 'gave-up', 'unreachable', 'refused', 'taken'] as const;
