import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/logger.js';
import { startApp } from '../../src/server/start-app.js';
import { noSendMetrics } from '../../src/scheduler/send-metrics.js';

describe('starting the service', () => {
  it('refuses to start signed in to Teams with no key for the report links, and says what to set', async () => {
    const env = {
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppType: 'UserAssignedMsi',
      MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
    };
    await expect(startApp({ metrics: noSendMetrics, env, logger: silentLogger })).rejects.toThrow(
      /set REPORT_LINK_SECRET/,
    );
  });
});
