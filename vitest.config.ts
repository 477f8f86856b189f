import { defineConfig } from 'vitest/config';

/**
 * Two projects so the fast tests can run alone (`npm run test:unit`).
 * Integration tests are named `*.int.test.ts`: they start real servers (Azurite, the bot,
 * the local Teams test channel) on loopback ports and stop them by process id.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Fast tests first; the integration project runs after them with its own worker limit.
          sequence: { groupOrder: 0 },
          // Generous: a few unit tests build 500-action programmes, and CI has two cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/azurite.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration suites share one Azurite and bind their own ports; two at a time
          // keeps a 2-core CI machine responsive.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
