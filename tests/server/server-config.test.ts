import { describe, expect, it } from 'vitest';
import { readServerConfig, ServerConfigError } from '../../src/server/server-config.js';

const endpoints = {
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.example/v1/.well-known/openidconfiguration',
  ToBotFromChannelTokenIssuer: 'https://api.example',
  ToChannelFromBotLoginUrl: 'https://login.example/tenant',
  ToChannelFromBotOAuthScope: 'https://api.example',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.example/emulator',
  OAuthUrl: 'https://token.example',
  CallerId: 'urn:botframework:example',
};

const singleTenant = {
  MicrosoftAppId: 'app-1',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: 'tenant-1',
};

function problemsOf(env: Record<string, string>): string {
  try {
    readServerConfig(env);
  } catch (error: unknown) {
    if (error instanceof ServerConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('server settings', () => {
  it('run unauthenticated on loopback, port 3978, when nothing is set', () => {
    expect(readServerConfig({})).toEqual({
      port: 3978,
      host: '127.0.0.1',
      auth: { mode: 'none' },
      allowedTenants: [],
    });
  });

  it('stay on loopback without an app id even when HOST asks for every interface', () => {
    expect(readServerConfig({ HOST: '0.0.0.0', MicrosoftAppId: ' ' }).host).toBe('127.0.0.1');
  });

  it('pass the app settings and all seven endpoint settings to botbuilder', () => {
    const config = readServerConfig({ ...singleTenant, ...endpoints, PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.auth).toEqual({
      mode: 'bot-framework',
      appId: 'app-1',
      appType: 'SingleTenant',
      settings: { ...singleTenant, ...endpoints },
    });
  });

  it('read ALLOWED_TENANTS as a comma list in lower case', () => {
    const config = readServerConfig({ ALLOWED_TENANTS: ' Tenant-A, ,tenant-b ' });
    expect(config.allowedTenants).toEqual(['tenant-a', 'tenant-b']);
  });

  it('refuse some endpoint settings without the others, naming the missing ones', () => {
    const message = problemsOf({ ...singleTenant, OAuthUrl: 'https://token.example' });
    expect(message).toContain('all seven endpoint settings');
    expect(message).toContain('ToChannelFromBotLoginUrl');
  });

  it('refuse a single-tenant app without its tenant or secret, saying what to set', () => {
    const message = problemsOf({ MicrosoftAppId: 'app-1', MicrosoftAppType: 'SingleTenant' });
    expect(message).toContain('MicrosoftAppPassword is required');
    expect(message).toContain('MicrosoftAppTenantId is required');
  });

  it('refuse a secret without an app id', () => {
    expect(problemsOf({ MicrosoftAppPassword: 'secret' })).toContain('MicrosoftAppId is empty');
  });

  it('refuse an app type botbuilder does not know and a port out of range', () => {
    const message = problemsOf({ ...singleTenant, MicrosoftAppType: 'Personal', PORT: '70000' });
    expect(message).toContain('MicrosoftAppType');
    expect(message).toContain('PORT');
  });
});
