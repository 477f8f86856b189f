import { hostname } from 'node:os';
import type { CloudAdapter } from 'botbuilder';
import type { DigestUseCase } from '../app/digest/digest.use-case.js';
import type { Logger } from '../app/logger.js';
import type { AppInstaller } from '../app/ports/app-installer.js';
import type { MessageBudget } from '../cards/message-budget.js';
import { createMeasureUseCase } from '../app/measures/measure.use-case.js';
import { createMessageViews } from '../app/prompt/message-view.js';
import { createRunDue } from '../app/prompt/run-due.use-case.js';
import { DEFAULT_BACKOFF } from '../scheduler/backoff.js';
import { createLeaseKeeper } from '../scheduler/lease-keeper.js';
import { createOutboxProcessor } from '../scheduler/outbox-processor.js';
import { createProgrammeLeases } from '../scheduler/programme-leases.js';
import type { SendMetrics } from '../scheduler/send-metrics.js';
import { createRateLimiter, teamsRateLimits } from '../scheduler/rate-limiter.js';
import { createPersonReach } from '../scheduler/reach-person.js';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.js';
import type { SchedulerConfig } from '../scheduler/scheduler-config.js';
import { systemTimer, type Timer } from '../scheduler/timer.js';
import type { LinkRepository } from '../store/link.repository.js';
import type { Store } from '../store/store.js';
import { createTeamsTransport } from '../bot/proactive/teams-transport.js';
import { createOutgoingRenderer } from '../bot/proactive/render-outgoing.js';
import { composeGovernance } from './compose-governance.js';
import { GLOBAL_TEAMS_SERVICE_URL, personalConversationOf } from './installed-conversation.js';

export interface ProactiveSchedulerOptions {
  readonly store: Store;
  /** The server's adapter, so proactive sends share its credentials and token cache. */
  readonly adapter: CloudAdapter;
  /** MicrosoftAppId; empty when running unauthenticated. */
  readonly appId: string;
  readonly config: SchedulerConfig;
  readonly logger: Logger;
  /** Counters for telemetry; `noSendMetrics` when it is off. */
  readonly metrics: SendMetrics;
  /** Installs the app for people who never opened it (Graph), or says why it cannot. */
  readonly installer: AppInstaller;
  /** What every outgoing message must fit (`MESSAGE_BUDGET_KB`). */
  readonly budget: MessageBudget;
  /** Where to write to a chat found through Graph; the global Bot Connector by default. */
  readonly teamsServiceUrl?: string;
  /** Board channels, for digests. */
  readonly boards?: Pick<LinkRepository, 'listBoard'>;
  readonly digest?: Pick<DigestUseCase, 'build'>;
  readonly timer?: Timer;
  /** Unique among instances; host and process id by default. */
  readonly instanceId?: string;
}

/** The scheduler wired to storage and to Teams: call `start()` after the server listens. */
export function createProactiveScheduler(options: ProactiveSchedulerOptions): Scheduler {
  const { store, config, logger } = options;
  const timer = options.timer ?? systemTimer;
  const owner = options.instanceId ?? `${hostname()}:${process.pid}`;
  const { programmes, workstreams, actions, roles, people, outbox, conversations } = store;
  const views = createMessageViews({
    programmes,
    actions,
    roles,
    people,
    stepTicks: store.stepTicks,
    measures: createMeasureUseCase({ measures: store.measures, roles, clock: timer }),
    clock: timer,
  });
  const transport = createTeamsTransport({
    adapter: options.adapter,
    appId: options.appId,
    clock: timer,
    budget: options.budget,
    render: createOutgoingRenderer({
      budget: options.budget,
      views,
      governance: { programmes, ...composeGovernance(store, timer) },
      ...(options.digest ? { digest: options.digest } : {}),
    }),
  });
  return createScheduler({
    runDue: createRunDue({
      programmes,
      workstreams,
      actions,
      roles,
      people,
      outbox,
      governance: store.governance,
      scheduleMarks: store.scheduleMarks,
      ...(options.boards ? { boards: options.boards } : {}),
      logger,
    }),
    processor: createOutboxProcessor({
      outbox,
      conversations,
      people,
      transport,
      reach: createPersonReach({
        conversations,
        installer: options.installer,
        conversationOf: (chat) =>
          personalConversationOf(chat, {
            serviceUrl: options.teamsServiceUrl ?? GLOBAL_TEAMS_SERVICE_URL,
            appId: options.appId,
            now: timer.now(),
          }),
        logger,
      }),
      limiter: createRateLimiter({ clock: timer, limits: teamsRateLimits(config.ratePerSecond) }),
      timer,
      logger,
      metrics: options.metrics,
      // SEND_CONCURRENCY is the ceiling; below it, concurrency follows the Connector's latency.
      concurrency: config.concurrency,
      ratePerSecond: config.ratePerSecond,
      sendingTimeoutMs: config.sendingTimeoutMs,
      maxAttempts: config.maxAttempts,
      backoff: { ...DEFAULT_BACKOFF, baseMs: config.backoffBaseMs },
    }),
    lease: createLeaseKeeper({
      leases: store.leases,
      name: 'proactive-sender',
      owner,
      timer,
      ttlMs: config.leaseTtlMs,
    }),
    // Several instances share the programmes; each programme is sent by one at a time.
    programmeLeases: createProgrammeLeases({
      leases: store.leases,
      programmes,
      owner,
      timer,
      ttlMs: config.leaseTtlMs,
    }),
    timer,
    logger,
    cronExpression: config.cron,
  });
}
