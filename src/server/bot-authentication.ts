import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { BotCredentialsFactory } from './loopback-credentials.js';
import { createReusedClients, type ReusedClients } from './reused-clients.js';
import type { BotAuthConfig } from './server-config.js';
import { tenantAllowed } from './tenants.js';

const UNAUTHORIZED = 401;
const FORBIDDEN = 403;
const TEAMS_CHANNEL = 'msteams';

/**
 * How long checking one token may take. botbuilder fetches the channel's OpenID metadata and
 * keys with no timeout of its own; Teams gives up on the bot after 15 s.
 */
export const TOKEN_CHECK_TIMEOUT_MS = 5_000;
/** After the keys could not be fetched, requests are answered 503 at once for this long. */
export const SIGN_IN_RETRY_AFTER_SECONDS = 5;

/**
 * The token could not be checked now (the channel's keys could not be fetched, or not in
 * time). Not the sender's fault, so not a 401: Teams drops a message refused with 401, and
 * retries one refused with 503.
 */
export class SignInUnavailableError extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterSeconds: number = SIGN_IN_RETRY_AFTER_SECONDS,
  ) {
    super(`The sender's token cannot be checked now: ${reason}`);
    this.name = 'SignInUnavailableError';
  }
}

/** The tenant an activity comes from, as Teams puts it in channel data and the conversation. */
export function activityTenant(activity: Partial<Activity>): string | null {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData !== '') return fromChannelData;
  return activity.conversation?.tenantId ?? null;
}

/** The `iss` claim of a bearer token, read without checking it (the check comes after). */
function unverifiedIssuer(authHeader: string): string | null {
  const token = /^Bearer (\S+)$/.exec(authHeader)?.[1];
  const payload = token?.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const issuer = (claims as { iss?: unknown } | null)?.iss;
    return typeof issuer === 'string' ? issuer : null;
  } catch {
    // Not JSON: not a token botbuilder could accept either; it says why with a 401.
    return null;
  }
}

/** Failures that mean "the keys could not be fetched", not "the token is bad". */
function isKeyFetchFailure(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  // node-fetch's network errors, as botbuilder lets them escape.
  return error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError');
}

interface GuardOptions {
  /** With an app id, only the channel's issuer is accepted (no emulator, no skills). */
  readonly channelIssuer: string | null;
  readonly allowedTenants: readonly string[];
}

/**
 * botbuilder's authentication with the edges made safe:
 * - a token from any issuer but the Teams channel's (the emulator's, a skill's) is refused
 *   before botbuilder looks at it: this bot is a Teams bot, nothing else may call it;
 * - checking a token has a deadline, and keys that cannot be fetched mean 503, not 401;
 * - every other failure while checking a token is a 401 (botbuilder lets some escape as
 *   jsonwebtoken's own errors, which would be 500);
 * - activities from another channel of the same Azure Bot, or from tenants not served, are
 *   refused with 403 once the token is known to be good (both are in the body, so they are only
 *   worth reading after that);
 * - the Connector and token clients are made once and used again (reused-clients.ts).
 */
class GuardedAuthentication extends BotFrameworkAuthentication {
  private unavailableUntil = 0;
  private readonly clients: ReusedClients = createReusedClients();

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly options: GuardOptions,
  ) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const { channelIssuer, allowedTenants } = this.options;
    if (channelIssuer !== null && unverifiedIssuer(authHeader) !== channelIssuer) {
      throw new AuthenticationError(
        'Unauthorized. The token is not from the channel.',
        UNAUTHORIZED,
      );
    }
    const result = await this.checkToken(activity, authHeader);
    // One Azure Bot can have other channels (Direct Line, Web Chat) whose activities the same
    // keys sign; their sender fields are whatever the client wrote. Only Teams vouches for its.
    if (channelIssuer !== null && activity.channelId !== TEAMS_CHANNEL) {
      throw new AuthenticationError('Forbidden. Only the Teams channel is served.', FORBIDDEN);
    }
    if (!tenantAllowed(allowedTenants, activityTenant(activity))) {
      throw new AuthenticationError('Forbidden. The tenant is not served.', FORBIDDEN);
    }
    const { connectorFactory, claimsIdentity } = result;
    return connectorFactory
      ? {
          ...result,
          connectorFactory: this.clients.connectorFactory(claimsIdentity, connectorFactory),
        }
      : result;
  }

  private async checkToken(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const waitSeconds = Math.ceil((this.unavailableUntil - Date.now()) / 1000);
    // While the keys cannot be fetched, each new attempt would only add another hung fetch.
    if (waitSeconds > 0) throw new SignInUnavailableError('the last fetch failed', waitSeconds);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SignInUnavailableError('the channel keys did not arrive in time')),
        TOKEN_CHECK_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.inner.authenticateRequest(activity, authHeader), deadline]);
    } catch (error: unknown) {
      if (error instanceof SignInUnavailableError || isKeyFetchFailure(error)) {
        this.unavailableUntil = Date.now() + SIGN_IN_RETRY_AFTER_SECONDS * 1000;
        if (error instanceof SignInUnavailableError) throw error;
        throw new SignInUnavailableError(error instanceof Error ? error.message : String(error));
      }
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthenticationError(
        `Unauthorized. The token could not be verified: ${reason}`,
        UNAUTHORIZED,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  override authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactory(
      claimsIdentity,
      this.inner.createConnectorFactory(claimsIdentity),
    );
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(claimsIdentity, () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
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
  const channelIssuer =
    auth.mode === 'none'
      ? null
      : (auth.settings['ToBotFromChannelTokenIssuer'] ??
        AuthenticationConstants.ToBotFromChannelTokenIssuer);
  return new GuardedAuthentication(inner, { channelIssuer, allowedTenants });
}
