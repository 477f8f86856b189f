/**
 * The bot as the benchmarks run it: the production composition on the given store, the
 * system clock, no logging, proactive install off, Teams' message budget. `admins` are the
 * configured admins' emails (none by default: most benchmarks ask as a board member).
 */
import { createAdminDirectory } from '../src/app/admin/admin-directory.js';
import { systemClock } from '../src/app/clock.js';
import { silentLogger } from '../src/app/logger.js';
import { createBot } from '../src/bot/create-bot.js';
import { createMessageBudget } from '../src/cards/message-budget.js';
import { unavailableInstaller } from '../src/graph/graph-app-installer.js';
import { composeBot } from '../src/server/compose.js';
import type { Store } from '../src/store/store.js';

export function createBenchBot(
  store: Store,
  admins: readonly string[] = [],
): ReturnType<typeof createBot> {
  return createBot(
    composeBot({
      store,
      clock: systemClock,
      logger: silentLogger,
      adminDirectory: createAdminDirectory({ configured: admins, admins: store.admins }),
      publicBaseUrl: null,
      reportLinkSecret: null,
      messageBudget: createMessageBudget(),
      installer: unavailableInstaller('PROACTIVE_INSTALL is off.'),
    }),
  );
}
