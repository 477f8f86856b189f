import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JWK } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export interface TokenClaims {
  readonly tid: string;
  readonly aud: string;
  /** Put in `preferred_username`; the tab must not identify anyone by it. */
  readonly email: string;
  /** The Entra object id; `objectIdFor(email)` unless given, left out when null. */
  readonly oid?: string | null;
  /** False makes a token with no `exp` claim. */
  readonly expires?: boolean;
  /** v2 (login.microsoftonline.com/{tid}/v2.0) unless told otherwise. */
  readonly issuer?: string;
  /** Sign with a key the metadata does not publish. */
  readonly unknownKey?: boolean;
}

/**
 * A loopback stand-in for Entra ID's OpenID endpoints: it publishes metadata and a JWKS and
 * signs tokens the way Teams SSO tokens are signed (RS256, kid in the header).
 */
export interface FakeEntra {
  readonly metadataUrl: string;
  token(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

async function key(): Promise<{ kid: string; privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' },
  };
}

/** The object id the test channel's `testUser` gives the same email, so bot and tab agree. */
export function objectIdFor(email: string): string {
  return `aad-${email.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const [published, unpublished] = await Promise.all([key(), key()]);
  let base = '';
  const server = createServer((req, res) => {
    const body =
      req.url === '/common/v2.0/.well-known/openid-configuration'
        ? { issuer: `${base}/{tenantid}/v2.0`, jwks_uri: `${base}/common/discovery/v2.0/keys` }
        : req.url === '/common/discovery/v2.0/keys'
          ? { keys: [published.jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/common/v2.0/.well-known/openid-configuration`,
    token: (claims) => {
      const signer = claims.unknownKey ? unpublished : published;
      const oid = claims.oid === undefined ? objectIdFor(claims.email) : claims.oid;
      const token = new SignJWT({
        tid: claims.tid,
        preferred_username: claims.email,
        name: 'Test User',
        ...(oid === null ? {} : { oid }),
      })
        .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
        .setIssuer(claims.issuer ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
        .setAudience(claims.aud)
        .setIssuedAt();
      if (claims.expires !== false) token.setExpirationTime('1h');
      return token.sign(signer.privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
