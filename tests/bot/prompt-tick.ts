import { silentLogger } from '../../src/app/logger.js';
import { createMessageBudget } from '../../src/cards/message-budget.js';
import { unavailableInstaller } from '../../src/graph/graph-app-installer.js';
import { readSchedulerConfig } from '../../src/scheduler/scheduler-config.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';
import { createManualTimer } from '../../src/scheduler/timer.js';
import { createBotAuthentication } from '../../src/server/bot-authentication.js';
import { createProactiveScheduler } from '../../src/server/compose-scheduler.js';
import { ServerAdapter } from '../../src/server/server-adapter.js';
import { readServerConfig } from '../../src/server/server-config.js';
import type { RecordedCall, TestUser } from '../support/test-channel/test-channel.js';
import { replyTo, type BotHarness } from './bot-harness.js';

/**
 * One tick of the real scheduler at `at`, sending through the test channel, and what it
 * posted into `owner`'s personal chat (who first talks to the bot, so that chat is known).
 */
export async function promptsAfterOneTick(
  harness: BotHarness,
  owner: TestUser,
  at: Date,
  instanceId: string,
): Promise<RecordedCall[]> {
  await replyTo(harness, harness.channel.message('/help', owner, 'personal'));
  const scheduler = harnessScheduler(harness, at, instanceId);
  await scheduler.tick();
  return harness.channel.sent.filter(
    (call) => call.kind === 'post' && call.conversationId === `a:personal-${owner.aadObjectId}`,
  );
}

/**
 * The real scheduler as production composes it, on the harness's store at `at`, sending
 * through its test channel; proactive install is off, so only known chats are written to.
 */
export function harnessScheduler(
  harness: BotHarness,
  at: Date,
  instanceId: string,
): ReturnType<typeof createProactiveScheduler> {
  const server = readServerConfig({ ...harness.channel.botEnv(), PORT: '0', HOST: '127.0.0.1' });
  return createProactiveScheduler({
    budget: createMessageBudget(),
    store: harness.store,
    adapter: new ServerAdapter(createBotAuthentication(server.auth, [])),
    appId: harness.channel.appId,
    config: readSchedulerConfig({}),
    logger: silentLogger,
    metrics: noSendMetrics,
    installer: unavailableInstaller('PROACTIVE_INSTALL is off.'),
    timer: createManualTimer(at),
    instanceId,
  });
}
