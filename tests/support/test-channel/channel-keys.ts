import { randomUUID } from 'node:crypto';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';

/** The ways an inbound token can be wrong, as the authentication tests need them. */
export type InboundTokenCase =
  | 'valid'
  | 'none'
  | 'expired'
  | 'wrong-audience'
  | 'wrong-serviceurl'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-issuer'
  /**
   * A v1 token as the Bot Framework Emulator's issuer writes them (`iss` sts.windows.net of the
   * emulator's tenant, `ver` 1.0, `appid`), for another app, signed by a published key.
   */
  | 'emulator';

/** The issuer botbuilder treats as the Bot Framework Emulator's (v1 tokens). */
export const EMULATOR_ISSUER_V1 = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicJwk };
}

/**
 * The channel's keys: one it publishes and signs inbound activities with (as Teams does), one
 * it never publishes (the "unknown key" case), and one for the outbound tokens its login URL
 * issues to the bot.
 */
export interface ChannelKeys {
  /** The JWKS document served at the channel's `jwks_uri`. */
  jwks(): { keys: JWK[] };
  signInbound(options: InboundTokenOptions): Promise<string | null>;
  issueOutbound(options: {
    appId: string;
    scope: string;
    lifetimeSeconds: number;
    /** Application permissions granted to the app, as Entra puts them in the `roles` claim. */
    roles?: readonly string[];
  }): Promise<string>;
  /** The claims of an outbound bearer token, or null when it is not one this channel issued. */
  verifyOutbound(token: string, scope: string): Promise<JWTPayload | null>;
}

export interface InboundTokenOptions {
  readonly case: InboundTokenCase;
  readonly issuer: string;
  readonly appId: string;
  readonly serviceUrl: string;
}

/**
 * RSA key generation takes a second or more on a busy machine, so one process makes its three
 * keys once and every channel it starts uses them. Channels stay apart by their URLs (which
 * botbuilder caches metadata by) and their app ids.
 */
let keyPairs: Promise<[SigningKey, SigningKey, SigningKey]> | null = null;

export async function createChannelKeys(): Promise<ChannelKeys> {
  keyPairs ??= Promise.all([createSigningKey(), createSigningKey(), createSigningKey()]);
  const [published, unpublished, outbound] = await keyPairs;
  const outboundIssuer = `urn:test-channel:login:${outbound.kid}`;

  return {
    // The Bot Framework's keys carry endorsements: botbuilder checks the channel id against
    // them. One set of keys signs for every channel of an Azure Bot, Teams and Direct Line alike.
    jwks: () => ({
      keys: [{ ...published.publicJwk, endorsements: ['msteams', 'directline', 'webchat'] }],
    }),

    async signInbound(options) {
      if (options.case === 'none') return null;
      const nowSeconds = Math.floor(Date.now() / 1000);
      if (options.case === 'emulator') {
        return new SignJWT({ ver: '1.0', appid: randomUUID(), serviceurl: options.serviceUrl })
          .setProtectedHeader({ alg: 'RS256', kid: published.kid, typ: 'JWT' })
          .setIssuer(EMULATOR_ISSUER_V1)
          .setAudience(randomUUID())
          .setIssuedAt(nowSeconds - 5)
          .setExpirationTime(nowSeconds + 3600)
          .sign(published.privateKey);
      }
      // botbuilder allows five minutes of clock skew, so "expired" is an hour ago.
      const issuedAt = options.case === 'expired' ? nowSeconds - 7200 : nowSeconds - 5;
      const expires = options.case === 'expired' ? nowSeconds - 3600 : nowSeconds + 3600;
      const signer =
        options.case === 'unknown-key' || options.case === 'bad-signature'
          ? unpublished
          : published;
      // "bad-signature" claims the published key id but is signed by another key: botbuilder
      // fails it inside jsonwebtoken, which is the path that used to answer 500.
      const kid = options.case === 'bad-signature' ? published.kid : signer.kid;
      return new SignJWT({
        serviceurl:
          options.case === 'wrong-serviceurl' ? 'https://elsewhere.example/' : options.serviceUrl,
        nbf: issuedAt,
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(options.case === 'wrong-issuer' ? 'https://impostor.example' : options.issuer)
        .setAudience(options.case === 'wrong-audience' ? randomUUID() : options.appId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expires)
        .sign(signer.privateKey);
    },

    async issueOutbound({ appId, scope, lifetimeSeconds, roles }) {
      return new SignJWT({ appid: appId, ver: '1.0', ...(roles ? { roles: [...roles] } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: outbound.kid, typ: 'JWT' })
        .setIssuer(outboundIssuer)
        .setAudience(scope)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(outbound.privateKey);
    },

    async verifyOutbound(token, scope) {
      try {
        const { payload } = await jwtVerify(token, outbound.publicJwk, {
          issuer: outboundIssuer,
          audience: scope,
        });
        return payload;
      } catch (error: unknown) {
        // A bad token is an expected answer here: the caller records it as unauthorised.
        if (error instanceof Error) return null;
        throw error;
      }
    },
  };
}
