/**
 * One bot instance's scheduler, as its own process, for the fault tests: it plans what is
 * due at FANOUT_START (its clock starts there and runs at real speed), sends through the
 * test channel, and exits when nothing is left to send. Settings come from the environment
 * (the test channel's `botEnv()`, the Azurite connection string, the table prefix).
 */
import { createAppInstaller } from '../../../src/graph/create-app-installer.js';
import { readGraphConfig } from '../../../src/graph/graph-config.js';
import { createProactiveScheduler } from '../../../src/server/compose-scheduler.js';
import { readSchedulerConfig } from '../../../src/scheduler/scheduler-config.js';
import type { Timer } from '../../../src/scheduler/timer.js';
import { createBotAuthentication } from '../../../src/server/bot-authentication.js';
import { createLogger } from '../../../src/server/logger.js';
import { ServerAdapter } from '../../../src/server/server-adapter.js';
import { readServerConfig } from '../../../src/server/server-config.js';
import { createTablesStore } from '../../../src/store/tables-store.js';
import { noSendMetrics } from '../../../src/scheduler/send-metrics.js';
import { readMessageBudget } from '../../../src/cards/message-budget.js';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`The fan-out worker needs ${name} in its environment.`);
  return value;
};

const startAt = Date.parse(required('FANOUT_START'));
const began = Date.now();
const timer: Timer = {
  now: () => new Date(startAt + (Date.now() - began)),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
const logger = createLogger({ format: 'json' });
const serverConfig = readServerConfig({ ...env, PORT: '0', HOST: '127.0.0.1' });
const appId = serverConfig.auth.mode === 'bot-framework' ? serverConfig.auth.appId : '';
const adapter = new ServerAdapter(
  createBotAuthentication(serverConfig.auth, serverConfig.allowedTenants),
);
const store = await createTablesStore({
  connection: { connectionString: required('FANOUT_CONNECTION_STRING') },
  tablePrefix: required('FANOUT_TABLE_PREFIX'),
});
const scheduler = createProactiveScheduler({
  budget: readMessageBudget(env),
  metrics: noSendMetrics,
  store,
  adapter,
  appId,
  config: readSchedulerConfig(env),
  logger,
  installer: createAppInstaller(readGraphConfig(env), {
    sleep: (ms) => timer.sleep(ms),
    now: () => Date.now(),
  }).installer,
  ...(env['TEAMS_SERVICE_URL'] ? { teamsServiceUrl: env['TEAMS_SERVICE_URL'] } : {}),
  timer,
  instanceId: required('FANOUT_INSTANCE'),
});

for (;;) {
  await scheduler.tick();
  const left = await store.outbox.listPending(new Date('9999-01-01T00:00:00Z'), 1);
  if (left.length === 0) break;
  await timer.sleep(100);
}
await scheduler.stop();
process.stdout.write('FANOUT_DONE\n');
