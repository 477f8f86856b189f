import { describe, expect, it } from 'vitest';
import { readGraphConfig } from '../../src/graph/graph-config.js';

const bot = {
  MicrosoftAppId: 'app-id',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: 'tenant-id',
};

describe('the Microsoft Graph settings', () => {
  it('use the bot’s own credential and tenant once the catalogue id is set', () => {
    expect(readGraphConfig({ ...bot, GRAPH_TEAMS_APP_ID: 'catalogue-id' })).toEqual({
      enabled: true,
      graphUrl: 'https://graph.microsoft.com/v1.0',
      authorityHost: 'https://login.microsoftonline.com',
      tenantId: 'tenant-id',
      teamsAppId: 'catalogue-id',
      credential: { kind: 'secret', clientId: 'app-id', clientSecret: 'secret' },
      timeoutMs: 10_000,
    });
  });

  it('use the managed identity for a UserAssignedMsi bot', () => {
    const config = readGraphConfig({
      MicrosoftAppId: 'msi-client-id',
      MicrosoftAppType: 'UserAssignedMsi',
      MicrosoftAppTenantId: 'tenant-id',
      GRAPH_TEAMS_APP_ID: 'catalogue-id',
    });
    expect(config.enabled && config.credential).toEqual({
      kind: 'managed-identity',
      clientId: 'msi-client-id',
    });
  });

  it('leave proactive install off, saying which setting is missing', () => {
    expect(readGraphConfig(bot)).toMatchObject({ enabled: false });
    const off = readGraphConfig(bot);
    expect(!off.enabled && off.reason).toContain('GRAPH_TEAMS_APP_ID');
    const noSecret = readGraphConfig({ ...bot, MicrosoftAppPassword: '', GRAPH_TEAMS_APP_ID: 'x' });
    expect(!noSecret.enabled && noSecret.reason).toContain('MicrosoftAppPassword');
    expect(readGraphConfig({ ...bot, GRAPH_TEAMS_APP_ID: 'x', PROACTIVE_INSTALL: 'off' })).toEqual({
      enabled: false,
      reason: 'PROACTIVE_INSTALL is off.',
    });
  });

  it('name a bad value and its setting', () => {
    expect(() => readGraphConfig({ ...bot, GRAPH_URL: 'not a url' })).toThrow(/GRAPH_URL/);
  });
});
