import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import {
  AppCredentials,
  ServiceClientCredentialsFactory,
  type AuthenticatorResult,
} from 'botframework-connector';
import { z } from 'zod';

/** The credential factory's type as botbuilder names it in its signatures. */
export type ServiceClientCredentials = Awaited<
  ReturnType<ServiceClientCredentialsFactory['createCredentials']>
>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for a login URL on this machine: the local test channel, never a real cloud. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch (error: unknown) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

/**
 * OAuth 2 client credentials against a loopback login URL. botbuilder's own path goes through
 * MSAL, which refuses plain-HTTP authorities and asks Microsoft's instance discovery first; a
 * local test channel can offer neither, so it gets the same token request without MSAL.
 */
class LoopbackAppCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly password: string,
    private readonly loginUrl: string,
    scope: string,
  ) {
    super(appId, undefined, scope);
  }

  protected override async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default')
      ? this.oAuthScope
      : `${this.oAuthScope}/.default`;
    const response = await fetch(`${this.loginUrl.replace(/\/$/, '')}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: this.password,
        scope,
      }),
    });
    if (!response.ok) {
      throw new Error(
        `The login URL ${this.loginUrl} refused the bot's credentials (HTTP ${response.status}).`,
      );
    }
    const token = TokenResponse.parse(await response.json());
    return {
      accessToken: token.access_token,
      expiresOn: new Date(Date.now() + token.expires_in * 1000),
    };
  }
}

/**
 * botbuilder's credential factory, except that a loopback `ToChannelFromBotLoginUrl` is asked
 * for tokens directly (see LoopbackAppCredentials). Real clouds take botbuilder's path unchanged.
 */
export class BotCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly inner: ConfigurationServiceClientCredentialFactory;

  constructor(private readonly settings: Readonly<Record<string, string>>) {
    super();
    this.inner = new ConfigurationServiceClientCredentialFactory(settings);
  }

  override isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  override isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  override async createCredentials(
    appId: string,
    audience: string | undefined,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<ServiceClientCredentials> {
    const password = this.settings['MicrosoftAppPassword'];
    if (!isLoopbackUrl(loginEndpoint) || password === undefined) {
      // botbuilder treats an empty audience as "the default scope", as it does undefined.
      return this.inner.createCredentials(appId, audience ?? '', loginEndpoint, validateAuthority);
    }
    if (!(await this.isValidAppId(appId))) {
      throw new Error(`The app id ${appId} is not this bot's; credentials refused.`);
    }
    const scope = audience ?? this.settings['ToChannelFromBotOAuthScope'] ?? '';
    return new LoopbackAppCredentials(appId, password, loginEndpoint, scope);
  }
}
