import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { z } from 'zod';

/** Where Entra ID publishes its signing keys for every tenant. */
export const DEFAULT_TAB_OPENID_METADATA_URL =
  'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

export interface TabAuthOptions {
  /** The app's client id (MicrosoftAppId); tokens must be issued for it. */
  readonly appId: string;
  /** Tenant ids whose users may use the tab; empty means any tenant. */
  readonly allowedTenants: readonly string[];
  /** OpenID metadata that names the JWKS; tests point it at a local server. */
  readonly openIdMetadataUrl?: string;
}

/** The signed-in person, as the token names them. */
export interface TabIdentity {
  /** Lower-case UPN or email. */
  readonly email: string;
  /** Entra object id (`oid`), which admin lists may name instead of an email. */
  readonly aadObjectId: string | null;
  readonly tenantId: string;
  readonly name: string | null;
}

export type TabAuthFailure =
  | 'NO_TOKEN'
  | 'BAD_TOKEN'
  | 'WRONG_AUDIENCE'
  | 'WRONG_TENANT'
  | 'NO_USER'
  /** The key service could not be reached: the token may be fine, so not a 401. */
  | 'KEYS_UNAVAILABLE';

export type TabAuthResult =
  | { readonly ok: true; readonly identity: TabIdentity }
  | { readonly ok: false; readonly code: TabAuthFailure; readonly reason: string };

export type TabTokenValidator = (authorization: string | undefined) => Promise<TabAuthResult>;

const claimsSchema = z.object({
  tid: z.string().min(1),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  oid: z.string().optional(),
});

const metadataSchema = z.object({ jwks_uri: z.url() });

/**
 * Validates the Teams SSO token the tab sends as `Authorization: Bearer …`: signed by a key
 * from the configured OpenID metadata, issued by the token's own tenant (v2 or v1 issuer),
 * for this app, from an allowed tenant.
 */
export function createTabTokenValidator(options: TabAuthOptions): TabTokenValidator {
  const metadataUrl = options.openIdMetadataUrl ?? DEFAULT_TAB_OPENID_METADATA_URL;
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const loadKeys = (): Promise<JWTVerifyGetKey> => {
    keys ??= fetchKeys(metadataUrl).catch((error: unknown) => {
      // Forget the failure so the next request tries again instead of failing forever.
      keys = undefined;
      throw error;
    });
    return keys;
  };

  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return fail('NO_TOKEN', 'No bearer token was sent.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await loadKeys(), {
        algorithms: ['RS256'],
        clockTolerance: 300,
      }));
    } catch (error) {
      return verifyFailure(error);
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return fail('BAD_TOKEN', 'The token lacks a tenant, issuer or audience.');
    const { tid, iss, aud } = claims.data;
    if (!issuersOf(tid).includes(iss)) {
      return fail('BAD_TOKEN', `The issuer ${iss} is not tenant ${tid}'s.`);
    }
    if (!(Array.isArray(aud) ? aud : [aud]).some((a) => isThisApp(a, options.appId))) {
      return fail('WRONG_AUDIENCE', 'The token was issued for another app.');
    }
    if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(tid)) {
      return fail('WRONG_TENANT', `Tenant ${tid} is not allowed to use this app.`);
    }
    const email = claims.data.preferred_username ?? claims.data.upn ?? claims.data.email;
    if (!email) return fail('NO_USER', 'The token does not name a user.');
    return {
      ok: true,
      identity: {
        email: email.trim().toLowerCase(),
        aadObjectId: claims.data.oid?.toLowerCase() ?? null,
        tenantId: tid,
        name: claims.data.name ?? null,
      },
    };
  };
}

async function fetchKeys(metadataUrl: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(metadataUrl);
  if (!response.ok) {
    throw new Error(`OpenID metadata at ${metadataUrl} answered ${response.status}.`);
  }
  const metadata = metadataSchema.parse(await response.json());
  return createRemoteJWKSet(new URL(metadata.jwks_uri));
}

function issuersOf(tenantId: string): string[] {
  return [
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    `https://sts.windows.net/${tenantId}/`,
  ];
}

/** v2 tokens name the client id; v1 tokens the Application ID URI (api://host/{id}). */
function isThisApp(audience: string, appId: string): boolean {
  const id = appId.toLowerCase();
  const aud = audience.toLowerCase();
  return (
    aud === id || aud === `api://${id}` || (aud.startsWith('api://') && aud.endsWith(`/${id}`))
  );
}

function fail(code: TabAuthFailure, reason: string): TabAuthResult {
  return { ok: false, code, reason };
}

function verifyFailure(error: unknown): TabAuthResult {
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('KEYS_UNAVAILABLE', `The signing keys could not be fetched: ${reason}`);
  }
  return fail('BAD_TOKEN', `The token is not valid: ${error.message}`);
}
