import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { BotCredentialsFactory } from './loopback-credentials.js';
import type { BotAuthConfig } from './server-config.js';

const UNAUTHORIZED = 401;
const FORBIDDEN = 403;

/** The tenant an activity comes from, as Teams puts it in channel data and the conversation. */
export function activityTenant(activity: Partial<Activity>): string | null {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData !== '') return fromChannelData;
  return activity.conversation?.tenantId ?? null;
}

/**
 * botbuilder's authentication with two things added at the boundary:
 * - every failure while checking a token is an AuthenticationError (401). botbuilder lets a
 *   token signed by a key it does not hold escape as jsonwebtoken's own error, which its
 *   adapter answers with 500;
 * - activities from tenants outside ALLOWED_TENANTS are refused with 403 once the token is
 *   known to be good (the tenant is in the body, so it is only worth reading after that).
 */
class GuardedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly allowedTenants: ReadonlySet<string>,
  ) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (error: unknown) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthenticationError(
        `Unauthorized. The token could not be verified: ${reason}`,
        UNAUTHORIZED,
      );
    }
    if (this.allowedTenants.size > 0) {
      const tenant = activityTenant(activity)?.toLowerCase() ?? null;
      if (tenant === null || !this.allowedTenants.has(tenant)) {
        throw new AuthenticationError(
          `Forbidden. Tenant ${tenant ?? '(none)'} is not in ALLOWED_TENANTS.`,
          FORBIDDEN,
        );
      }
    }
    return result;
  }

  override authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }
}

/** The authentication the CloudAdapter uses, from the validated settings. */
export function createBotAuthentication(
  auth: BotAuthConfig,
  allowedTenants: readonly string[],
): BotFrameworkAuthentication {
  const settings = auth.mode === 'none' ? {} : auth.settings;
  const inner = new ConfigurationBotFrameworkAuthentication(
    settings,
    new BotCredentialsFactory(settings),
  );
  return new GuardedAuthentication(inner, new Set(allowedTenants.map((t) => t.toLowerCase())));
}
