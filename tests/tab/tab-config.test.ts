import { describe, expect, it } from 'vitest';
import { tabAuthFromEnv } from '../../src/server/tab/index.js';

const APP = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const TENANT = '11111111-1111-4111-8111-111111111111';

describe('tab sign-in settings', () => {
  it('asks for no sign-in without an app id, for local use', () => {
    expect(tabAuthFromEnv({})).toBeUndefined();
    expect(tabAuthFromEnv({ MicrosoftAppId: '  ' })).toBeUndefined();
  });

  it('admits only the app’s own tenant for a single-tenant app with no list', () => {
    const env = {
      MicrosoftAppId: APP,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
    };
    expect(tabAuthFromEnv(env)).toEqual({ appId: APP, allowedTenants: [TENANT] });
  });

  it('accepts tokens for the app registration in TAB_APP_ID when the bot signs in as a managed identity', () => {
    const identity = '22222222-2222-4222-8222-222222222222';
    const env = {
      MicrosoftAppId: identity,
      MicrosoftAppType: 'UserAssignedMsi',
      MicrosoftAppTenantId: TENANT,
      TAB_APP_ID: APP,
    };
    expect(tabAuthFromEnv(env)).toEqual({ appId: APP, allowedTenants: [TENANT] });
  });

  it('follows ALLOWED_TENANTS and TAB_OPENID_METADATA_URL when they are set', () => {
    const env = {
      MicrosoftAppId: APP,
      ALLOWED_TENANTS: ` ${TENANT}, other `,
      TAB_OPENID_METADATA_URL: 'http://127.0.0.1:9/meta',
    };
    expect(tabAuthFromEnv(env)).toEqual({
      appId: APP,
      allowedTenants: [TENANT, 'other'],
      openIdMetadataUrl: 'http://127.0.0.1:9/meta',
    });
  });

  it('admits every tenant for a multi-tenant app with no list, as the bot does', () => {
    expect(tabAuthFromEnv({ MicrosoftAppId: APP, MicrosoftAppTenantId: TENANT })).toEqual({
      appId: APP,
      allowedTenants: [],
    });
  });
});
