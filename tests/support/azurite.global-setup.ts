import type { TestProject } from 'vitest/node';
import { startTestAzurite } from './azurite.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** Connection string of the Azurite table service the integration tests share. */
    azuriteConnectionString: string;
  }
}

/** One Azurite (table service, in memory, free loopback port) for the integration run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startTestAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  return () => azurite.stop();
}
