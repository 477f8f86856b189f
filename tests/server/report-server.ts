import restify from 'restify';
import type { ReportLinks } from '../../src/app/digest/report-link.js';
import { createReportUseCase } from '../../src/app/digest/report.use-case.js';
import { silentLogger } from '../../src/app/logger.js';
import { registerReportRoutes } from '../../src/server/report/report-routes.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { loadSamplePlan } from '../support/sample-plan.js';

export interface RunningReportServer {
  readonly url: string;
  /** The server's store, so a test can build the digest that links here. */
  readonly store: Store;
  close(): Promise<void>;
}

async function seedSample(store: Store): Promise<void> {
  const plan = loadSamplePlan();
  await store.plans.replace({ ...plan, ratings: plan.updates });
}

/** A loopback server with only the report routes, over the sample plan in the memory store. */
export async function startReportServer(
  now: string,
  links?: Pick<ReportLinks, 'check' | 'checkChart' | 'checkMeasureChart'>,
  seed: (store: Store) => Promise<void> = seedSample,
): Promise<RunningReportServer> {
  const store = createMemoryStore();
  await seed(store);
  const server = restify.createServer({ name: 'report-test', handleUncaughtExceptions: false });
  registerReportRoutes(server, {
    reports: createReportUseCase({ ...store, clock: { now: () => new Date(now) } }),
    logger: silentLogger,
    ...(links && { links }),
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.server.close((error) => (error ? reject(error) : resolve()));
        server.server.closeAllConnections();
      }),
  };
}
