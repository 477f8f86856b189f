import { z } from 'zod';

/** How the service reaches Microsoft Graph to install its app, or why it does not. */
export type GraphConfig =
  | { readonly enabled: false; readonly reason: string }
  | {
      readonly enabled: true;
      /** Graph's root, `https://graph.microsoft.com/v1.0` unless pointed elsewhere. */
      readonly graphUrl: string;
      /** The identity platform, `https://login.microsoftonline.com` unless pointed elsewhere. */
      readonly authorityHost: string;
      readonly tenantId: string;
      /** The app's id in the organisation's app catalogue (not the manifest id). */
      readonly teamsAppId: string;
      readonly credential:
        | { readonly kind: 'secret'; readonly clientId: string; readonly clientSecret: string }
        | { readonly kind: 'managed-identity'; readonly clientId: string };
      readonly timeoutMs: number;
    };

const blank = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const text = z.preprocess(blank, z.string().trim().optional());

const EnvSchema = z.object({
  PROACTIVE_INSTALL: z.preprocess(blank, z.enum(['on', 'off']).default('on')),
  GRAPH_TEAMS_APP_ID: text,
  GRAPH_TENANT_ID: text,
  GRAPH_URL: z.preprocess(blank, z.url().default('https://graph.microsoft.com/v1.0')),
  GRAPH_AUTHORITY_HOST: z.preprocess(blank, z.url().default('https://login.microsoftonline.com')),
  GRAPH_TIMEOUT_MS: z.preprocess(
    blank,
    z.coerce.number().int().min(100).max(120_000).default(10_000),
  ),
  MicrosoftAppId: text,
  MicrosoftAppPassword: text,
  MicrosoftAppType: text,
  MicrosoftAppTenantId: text,
});

/**
 * Reads the Graph settings. Proactive install needs the app's catalogue id, a tenant and a
 * credential (the bot's client secret, or its user-assigned managed identity); without them
 * it is off and `reason` says which setting is missing. Bad values throw, naming the setting.
 */
export function readGraphConfig(env: Readonly<Record<string, string | undefined>>): GraphConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The Microsoft Graph settings are not valid:\n  - ${problems.join('\n  - ')}`);
  }
  const value = parsed.data;
  if (value.PROACTIVE_INSTALL === 'off') {
    return { enabled: false, reason: 'PROACTIVE_INSTALL is off.' };
  }
  if (value.GRAPH_TEAMS_APP_ID === undefined) {
    return {
      enabled: false,
      reason:
        'GRAPH_TEAMS_APP_ID is not set: set it to the app\'s id in your organisation\'s app catalogue (docs/deploy.md, "Let the bot reach everyone").',
    };
  }
  const tenantId = value.GRAPH_TENANT_ID ?? value.MicrosoftAppTenantId;
  if (tenantId === undefined) {
    return {
      enabled: false,
      reason:
        'GRAPH_TENANT_ID (or MicrosoftAppTenantId) is not set: Graph needs the tenant to install in.',
    };
  }
  const clientId = value.MicrosoftAppId;
  if (clientId === undefined) {
    return {
      enabled: false,
      reason: 'MicrosoftAppId is not set, so the bot has no identity to call Graph with.',
    };
  }
  const credential =
    value.MicrosoftAppType === 'UserAssignedMsi'
      ? { kind: 'managed-identity' as const, clientId }
      : value.MicrosoftAppPassword === undefined
        ? null
        : { kind: 'secret' as const, clientId, clientSecret: value.MicrosoftAppPassword };
  if (credential === null) {
    return {
      enabled: false,
      reason: 'MicrosoftAppPassword is not set, so the bot cannot get a Graph token.',
    };
  }
  return {
    enabled: true,
    graphUrl: value.GRAPH_URL.replace(/\/$/, ''),
    authorityHost: value.GRAPH_AUTHORITY_HOST.replace(/\/$/, ''),
    tenantId,
    teamsAppId: value.GRAPH_TEAMS_APP_ID,
    credential,
    timeoutMs: value.GRAPH_TIMEOUT_MS,
  };
}
