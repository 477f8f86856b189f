import { allowedTenantsFrom } from '../tenants.js';
import type { TabAuthOptions } from './tab-auth.js';

/**
 * The tab's sign-in settings from the environment: none without `MicrosoftAppId` (local use),
 * else the app id (`TAB_APP_ID`, or `MicrosoftAppId` when the bot is the app registration), the
 * allowed tenants (`ALLOWED_TENANTS`, comma-separated; for a single-tenant app with none listed,
 * its own `MicrosoftAppTenantId`), the service's host name for the `api://` audience and
 * `TAB_OPENID_METADATA_URL`.
 */
export function tabAuthFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TabAuthOptions | undefined {
  const botAppId = env['MicrosoftAppId']?.trim();
  if (!botAppId) return undefined;
  // A bot signed in as a managed identity still has an app registration for the tab's sign-in.
  const appId = env['TAB_APP_ID']?.trim() || botAppId;
  // The bot's rule, from the same function: the tab serves exactly the tenants the bot does.
  const allowedTenants = allowedTenantsFrom({
    ALLOWED_TENANTS: env['ALLOWED_TENANTS'],
    MicrosoftAppType: env['MicrosoftAppType'],
    MicrosoftAppTenantId: env['MicrosoftAppTenantId'],
  });
  const metadata = env['TAB_OPENID_METADATA_URL']?.trim();
  const botDomain = botDomainFrom(env);
  return {
    appId,
    allowedTenants,
    ...(botDomain ? { botDomain } : {}),
    ...(metadata ? { openIdMetadataUrl: metadata } : {}),
  };
}

/** `BOT_DOMAIN`, else the host of `PUBLIC_BASE_URL` (the deployment sets both to the same). */
function botDomainFrom(env: Readonly<Record<string, string | undefined>>): string | null {
  const domain = env['BOT_DOMAIN']?.trim();
  if (domain) return domain.toLowerCase();
  const base = env['PUBLIC_BASE_URL']?.trim();
  if (!base) return null;
  try {
    return new URL(base).host.toLowerCase();
  } catch {
    // Not a URL: the report links say so at start-up; here it only means no api:// audience.
    return null;
  }
}
