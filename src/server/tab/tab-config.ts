import { allowedTenantsFrom } from '../tenants.js';
import type { TabAuthOptions } from './tab-auth.js';

/**
 * The tab's sign-in settings from the environment: none without `MicrosoftAppId` (local use),
 * else the app id, the allowed tenants (`ALLOWED_TENANTS`, comma-separated; for a single-tenant
 * app with none listed, its own `MicrosoftAppTenantId`) and `TAB_OPENID_METADATA_URL`.
 */
export function tabAuthFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TabAuthOptions | undefined {
  const appId = env['MicrosoftAppId']?.trim();
  if (!appId) return undefined;
  // The bot's rule, from the same function: the tab serves exactly the tenants the bot does.
  const allowedTenants = allowedTenantsFrom({
    ALLOWED_TENANTS: env['ALLOWED_TENANTS'],
    MicrosoftAppType: env['MicrosoftAppType'],
    MicrosoftAppTenantId: env['MicrosoftAppTenantId'],
  });
  const metadata = env['TAB_OPENID_METADATA_URL']?.trim();
  return { appId, allowedTenants, ...(metadata ? { openIdMetadataUrl: metadata } : {}) };
}
