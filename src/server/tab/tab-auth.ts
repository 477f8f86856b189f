import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { normaliseTenantId, tenantAllowed } from '../tenants.js';

/** Where Entra ID publishes its signing keys for every tenant. */
export const DEFAULT_TAB_OPENID_METADATA_URL =
  'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

export interface TabAuthOptions {
  /** The app's client id (MicrosoftAppId); tokens must be issued for it. */
  readonly appId: string;
  /**
   * The service's host name (`BOT_DOMAIN`, else `PUBLIC_BASE_URL`'s): a v1 token's audience is
   * then accepted as `api://{botDomain}/{appId}`. Without it only the app id is.
   */
  readonly botDomain?: string;
  /** Tenant ids whose users may use the tab; empty means any tenant. */
  readonly allowedTenants: readonly string[];
  /** OpenID metadata that names the JWKS; tests point it at a local server. */
  readonly openIdMetadataUrl?: string;
}

/**
 * The signed-in person, by the two claims Entra vouches for: the object id and the tenant.
 * Name claims (`preferred_username`, `upn`, `email`) are not used: in another tenant anyone
 * can be given any of them. The person's email comes from the person store, by object id.
 */
export interface TabIdentity {
  /** Entra object id (`oid`), lower case. */
  readonly aadObjectId: string;
  /** Tenant id (`tid`), lower case. */
  readonly tenantId: string;
  readonly name: string | null;
}

export type TabAuthFailure =
  | 'NO_TOKEN'
  | 'BAD_TOKEN'
  | 'WRONG_AUDIENCE'
  | 'WRONG_TENANT'
  /** The key service could not be reached: the token may be fine, so not a 401. */
  | 'KEYS_UNAVAILABLE';

export type TabAuthResult =
  | { readonly ok: true; readonly identity: TabIdentity }
  | { readonly ok: false; readonly code: TabAuthFailure; readonly reason: string };

export type TabTokenValidator = (authorization: string | undefined) => Promise<TabAuthResult>;

const claimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  name: z.string().optional(),
});

/** Fetching the metadata or the keys takes no longer than this. */
const KEY_FETCH_TIMEOUT_MS = 5_000;

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
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (error) {
      return verifyFailure(error);
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      return fail('BAD_TOKEN', 'The token lacks a tenant, object id, issuer, audience or expiry.');
    }
    const { tid, oid, iss, aud } = claims.data;
    if (!issuersOf(tid).includes(iss)) {
      return fail('BAD_TOKEN', `The issuer ${iss} is not tenant ${tid}'s.`);
    }
    const audiences = audiencesOf(options);
    if (!(Array.isArray(aud) ? aud : [aud]).some((a) => audiences.has(a.toLowerCase()))) {
      return fail('WRONG_AUDIENCE', 'The token was issued for another app.');
    }
    if (!tenantAllowed(options.allowedTenants, tid)) {
      return fail('WRONG_TENANT', `Tenant ${tid} is not allowed to use this app.`);
    }
    return {
      ok: true,
      identity: {
        aadObjectId: oid.trim().toLowerCase(),
        tenantId: normaliseTenantId(tid),
        name: claims.data.name ?? null,
      },
    };
  };
}

async function fetchKeys(metadataUrl: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(KEY_FETCH_TIMEOUT_MS) });
  if (!response.ok) {
    throw new Error(`OpenID metadata at ${metadataUrl} answered ${response.status}.`);
  }
  const metadata = metadataSchema.parse(await response.json());
  return createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: KEY_FETCH_TIMEOUT_MS });
}

function issuersOf(tenantId: string): string[] {
  return [
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    `https://sts.windows.net/${tenantId}/`,
  ];
}

/**
 * v2 tokens name the client id; v1 tokens the Application ID URI, which the deployment sets to
 * `api://{BOT_DOMAIN}/{appId}`. Nothing else: any other `api://…/{appId}` could be another
 * app's URI that happens to end the same way.
 */
function audiencesOf(options: TabAuthOptions): Set<string> {
  const id = options.appId.trim().toLowerCase();
  const audiences = new Set([id]);
  const domain = options.botDomain?.trim().toLowerCase();
  if (domain) audiences.add(`api://${domain}/${id}`);
  return audiences;
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
