import { z } from 'zod';
import { allowedTenantsFrom } from './tenants.js';

/** botbuilder's endpoint settings: once any is set, it uses all seven exactly as given. */
export const ENDPOINT_SETTINGS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'OAuthUrl',
  'CallerId',
] as const;

export type EndpointSetting = (typeof ENDPOINT_SETTINGS)[number];

/** How the bot proves who it is and checks who calls it. */
export type BotAuthConfig =
  | { readonly mode: 'none' }
  | {
      readonly mode: 'bot-framework';
      readonly appId: string;
      readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMsi';
      /** The settings handed to botbuilder, endpoint settings included when configured. */
      readonly settings: Readonly<Record<string, string>>;
    };

export interface ServerConfig {
  readonly port: number;
  /** 127.0.0.1 when unauthenticated, so nobody else can talk to an open bot. */
  readonly host: string;
  readonly auth: BotAuthConfig;
  /**
   * Tenant ids served (lower case); empty means every tenant. A single-tenant app with no
   * ALLOWED_TENANTS serves its own tenant only.
   */
  readonly allowedTenants: readonly string[];
}

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url().optional());

const EnvSchema = z
  .object({
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: optionalText,
    ALLOWED_TENANTS: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      blankToUndefined,
      z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMsi']).optional(),
    ),
    MicrosoftAppTenantId: optionalText,
    ToBotFromChannelOpenIdMetadataUrl: optionalUrl,
    ToBotFromChannelTokenIssuer: optionalText,
    ToChannelFromBotLoginUrl: optionalUrl,
    ToChannelFromBotOAuthScope: optionalText,
    ToBotFromEmulatorOpenIdMetadataUrl: optionalUrl,
    OAuthUrl: optionalUrl,
    CallerId: optionalText,
  })
  .superRefine((env, ctx) => {
    const endpointsSet = ENDPOINT_SETTINGS.filter((name) => env[name] !== undefined);
    if (endpointsSet.length > 0 && endpointsSet.length < ENDPOINT_SETTINGS.length) {
      const missing = ENDPOINT_SETTINGS.filter((name) => env[name] === undefined);
      ctx.addIssue({
        code: 'custom',
        path: [missing[0] ?? 'ToBotFromChannelOpenIdMetadataUrl'],
        message: `botbuilder uses all seven endpoint settings once any is set; ${endpointsSet.join(', ')} ${endpointsSet.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not. Set them all or none.`,
      });
    }
    const appType = env.MicrosoftAppType ?? 'MultiTenant';
    if (env.MicrosoftAppId === undefined) {
      if (env.MicrosoftAppPassword !== undefined || endpointsSet.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message:
            'MicrosoftAppId is empty but other bot settings are set; set the app id from the Azure Bot resource.',
        });
      }
      return;
    }
    if (appType !== 'UserAssignedMsi' && env.MicrosoftAppPassword === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `MicrosoftAppPassword is required for a ${appType} app; set the client secret of app ${env.MicrosoftAppId}.`,
      });
    }
    if (appType !== 'MultiTenant' && env.MicrosoftAppTenantId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `MicrosoftAppTenantId is required for a ${appType} app; set the id of the tenant the app is registered in.`,
      });
    }
  });

/** A configuration problem, worded for the person starting the bot. */
export class ServerConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The bot's settings are not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ServerConfigError';
  }
}

/** Reads and checks the server's settings from the environment; throws ServerConfigError. */
export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ServerConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`),
    );
  }
  const value = parsed.data;
  if (value.MicrosoftAppId === undefined) {
    // Local use: nobody else can reach a loopback bot, so there is no tenant to keep out.
    const allowedTenants = allowedTenantsFrom({ ALLOWED_TENANTS: value.ALLOWED_TENANTS });
    return { port: value.PORT, host: '127.0.0.1', auth: { mode: 'none' }, allowedTenants };
  }
  const allowedTenants = allowedTenantsFrom(value);
  const settings: Record<string, string> = { MicrosoftAppId: value.MicrosoftAppId };
  const copy = [
    'MicrosoftAppPassword',
    'MicrosoftAppType',
    'MicrosoftAppTenantId',
    ...ENDPOINT_SETTINGS,
  ] as const;
  for (const name of copy) {
    const setting = value[name];
    if (setting !== undefined) settings[name] = setting;
  }
  return {
    port: value.PORT,
    host: value.HOST ?? '0.0.0.0',
    auth: {
      mode: 'bot-framework',
      appId: value.MicrosoftAppId,
      appType: value.MicrosoftAppType ?? 'MultiTenant',
      settings,
    },
    allowedTenants,
  };
}
