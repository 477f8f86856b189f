import type { Server } from 'restify';
import type { AdminDirectory } from '../../app/admin/admin-directory.js';
import type { Clock } from '../../app/clock.js';
import { createDashboard } from '../../app/dashboard.use-case.js';
import { createReadRule } from '../../app/read-rule.js';
import { createExportUseCase } from '../../app/export/export.use-case.js';
import type { Logger } from '../../app/logger.js';
import type { Store } from '../../store/store.js';
import { snapshotPorts, type SnapshotStore } from '../compose.js';
import { tabAuthFromEnv } from './tab-config.js';
import { registerTabRoutes } from './tab-routes.js';

export interface TabWiringOptions {
  /** Settings; usually `process.env` (MicrosoftAppId, ALLOWED_TENANTS, TAB_OPENID_METADATA_URL…). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly store: SnapshotStore & Pick<Store, 'programmes' | 'roles' | 'people'>;
  readonly admins: Pick<AdminDirectory, 'isAdmin'>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The tab's routes for the composition root, in one call:
 * `createServer({ …, routes: tabRoutes({ env, store, admins, clock, logger }) })`.
 */
export function tabRoutes(options: TabWiringOptions): (server: Server) => void {
  const { store } = options;
  const dashboard = createDashboard({
    programmes: store.programmes,
    workstreams: store.workstreams,
    actions: store.actions,
    roles: store.roles,
    measures: store.measures,
    stepTicks: store.stepTicks,
    clock: options.clock,
    // Local use has no sign-in: there the tab's viewer is an admin, who reads everything.
    readRule: createReadRule({ roles: store.roles, openToEveryone: false }),
  });
  const exports = createExportUseCase({ ...snapshotPorts(store), clock: options.clock });
  const auth = tabAuthFromEnv(options.env);
  return (server) =>
    registerTabRoutes(server, {
      dashboard,
      exports,
      auth,
      people: store.people,
      admins: options.admins,
      logger: options.logger,
    });
}
