import type { TokenCredential } from '@azure/identity';
import { z } from 'zod';

/** The scope of an app-only token for Microsoft Graph: every application permission granted. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A bearer token for Graph, cached until shortly before it expires. */
export interface TokenSource {
  token(): Promise<string>;
  /** Forget the cached token (Graph answered 401: it expired or was revoked early). */
  invalidate(): void;
}

/** The identity platform refused to issue a token; the message says what to fix. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

const ErrorResponse = z.object({ error: z.string(), error_description: z.string().optional() });

/** Tokens are renewed this long before they expire, so none is used in its last minutes. */
const RENEW_MARGIN_MS = 5 * 60_000;

function cached(fetchToken: () => Promise<{ token: string; expiresAt: number }>): TokenSource {
  let current: { token: string; expiresAt: number } | null = null;
  let pending: Promise<{ token: string; expiresAt: number }> | null = null;
  return {
    async token() {
      if (current !== null && current.expiresAt - RENEW_MARGIN_MS > Date.now())
        return current.token;
      // One request for a burst of callers, not one each.
      pending ??= fetchToken().finally(() => (pending = null));
      current = await pending;
      return current.token;
    },
    invalidate: () => void (current = null),
  };
}

/**
 * The OAuth 2.0 client credentials grant with the app's secret, as the Microsoft identity
 * platform documents it: POST {authority}/{tenant}/oauth2/v2.0/token with `grant_type`,
 * `client_id`, `client_secret` and `scope=https://graph.microsoft.com/.default`
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
 * Sent directly rather than through MSAL so a loopback stand-in can answer it in tests.
 */
export function clientSecretTokens(options: {
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly timeoutMs: number;
}): TokenSource {
  const url = `${options.authorityHost}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
  return cached(async () => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: options.clientSecret,
          scope: GRAPH_SCOPE,
        }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error: unknown) {
      throw new TokenError(
        `Could not reach the identity platform at ${options.authorityHost}: ${error instanceof Error ? error.message : String(error)}`,
        0,
      );
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const refused = ErrorResponse.safeParse(body);
      const detail = refused.success
        ? `${refused.data.error}: ${refused.data.error_description ?? ''}`.trim()
        : `HTTP ${response.status}`;
      throw new TokenError(
        `The identity platform refused a Graph token for app ${options.clientId} in tenant ${options.tenantId} (${detail}). Check MicrosoftAppId, MicrosoftAppPassword and GRAPH_TENANT_ID.`,
        response.status,
      );
    }
    const token = TokenResponse.parse(body);
    return { token: token.access_token, expiresAt: Date.now() + token.expires_in * 1000 };
  });
}

/** Tokens from an Azure credential (the app's managed identity in production). */
export function credentialTokens(credential: TokenCredential): TokenSource {
  return cached(async () => {
    const token = await credential.getToken(GRAPH_SCOPE).catch((error: unknown) => {
      throw new TokenError(
        `The managed identity could not get a Graph token: ${error instanceof Error ? error.message : String(error)}`,
        0,
      );
    });
    if (token === null) throw new TokenError('The managed identity returned no Graph token.', 0);
    return { token: token.token, expiresAt: token.expiresOnTimestamp };
  });
}
