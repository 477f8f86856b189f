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
  const listed = (env['ALLOWED_TENANTS'] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const ownTenant = env['MicrosoftAppTenantId']?.trim();
  // botbuilder treats a missing MicrosoftAppType as MultiTenant; so does the tab.
  const type = env['MicrosoftAppType']?.trim().toLowerCase() ?? 'multitenant';
  const singleTenant = type === 'singletenant' || type === 'userassignedmsi';
  const allowedTenants = listed.length > 0 || !singleTenant || !ownTenant ? listed : [ownTenant];
  const metadata = env['TAB_OPENID_METADATA_URL']?.trim();
  return { appId, allowedTenants, ...(metadata ? { openIdMetadataUrl: metadata } : {}) };
}
