import { TableServiceClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { startApp, type RunningApp } from '../../src/server/start-app.js';
import { uniqueTablePrefix } from '../support/azurite.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';

describe('when a storage table is missing', () => {
  const connectionString = inject('azuriteConnectionString');
  const tablePrefix = uniqueTablePrefix('health');
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      metrics: noSendMetrics,
      // Local use (no app id), so the tab's API needs no sign-in and shows the error path.
      env: {
        PORT: '0',
        AZURE_STORAGE_CONNECTION_STRING: connectionString,
        TABLE_PREFIX: tablePrefix,
        SCHEDULER: 'off',
      },
      logger: silentLogger,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reports healthy while every table is there', async () => {
    const response = await fetch(`${app.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('reports unavailable once one is gone, and its 500s name no table and no error text', async () => {
    const service = TableServiceClient.fromConnectionString(connectionString, {
      allowInsecureConnection: true,
    });
    await service.deleteTable(`${tablePrefix}programmes`);

    const health = await fetch(`${app.server.url}/healthz`);
    expect(health.status).toBe(503);
    const report = await health.text();
    expect(JSON.parse(report)).toMatchObject({
      status: 'unavailable',
      storage: { healthy: false },
    });
    expect(report).not.toContain(tablePrefix);

    const failed = await fetch(`${app.server.url}/api/tab/programmes`);
    expect(failed.status).toBe(500);
    const body = await failed.text();
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side; please try again later.',
      },
    });
    expect(body).not.toMatch(new RegExp(`${tablePrefix}|TableNotFound|RestError`, 'i'));
  });
});
