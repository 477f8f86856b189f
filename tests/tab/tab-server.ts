import restify from 'restify';
import { silentLogger } from '../../src/app/logger.js';
import type { TabRoutesOptions } from '../../src/server/tab/index.js';
import { registerTabRoutes } from '../../src/server/tab/index.js';

export interface RunningTabServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A restify server on a free loopback port with only the tab's routes, as tests need it. */
export async function startTabServer(
  options: Omit<TabRoutesOptions, 'logger'>,
): Promise<RunningTabServer> {
  const server = restify.createServer({ name: 'tab-test', handleUncaughtExceptions: false });
  registerTabRoutes(server, { ...options, logger: silentLogger });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.server.close((error) => (error ? reject(error) : resolve()));
        server.server.closeAllConnections();
      }),
  };
}
