import {
  AuthenticationConstants,
  ConnectorFactory,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { rememberAtMost } from '../app/bounded-memory.js';

/**
 * Clients kept at once. Each is for one bot app id and one Connector service URL (Teams has
 * one per region), so a handful are in use; the bound only stops a stream of odd service URLs
 * from growing the map.
 */
export const REUSED_CLIENTS_LIMIT = 64;

/** The bot's app id as botbuilder reads it from a request's claims (audience, else appid). */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/**
 * The Connector and token clients botbuilder builds for every turn, built once and used again.
 * CloudAdapter makes a new ConnectorClient and UserTokenClient per activity: each a pipeline
 * of HTTP policies, about a twentieth of a first turn's CPU in this process
 * (`npm run bench first-contact`). They hold nothing of the turn: the credentials keep their
 * tokens in one cache for the process and refresh them when they expire, which is why
 * botbuilder's older BotFrameworkAdapter kept its Connector clients the same way.
 */
export function createReusedClients(limit: number = REUSED_CLIENTS_LIMIT): ReusedClients {
  const clients = new Map<string, Promise<unknown>>();

  function reuse<T>(key: string, make: () => Promise<T>): Promise<T> {
    const known = clients.get(key) as Promise<T> | undefined;
    if (known) return known;
    const made = make();
    rememberAtMost(clients, limit, key, made);
    // A client that could not be made is asked for afresh next time, not remembered.
    made.catch(() => {
      if (clients.get(key) === made) clients.delete(key);
    });
    return made;
  }

  return {
    connectorFactory(claims, inner) {
      const appId = appIdOf(claims);
      return new (class extends ConnectorFactory {
        create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
          return reuse(`connector\n${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
            inner.create(serviceUrl, audience),
          );
        }
      })();
    },
    userTokenClient(claims, make) {
      return reuse(`token\n${appIdOf(claims)}`, make);
    },
    get size() {
      return clients.size;
    },
  };
}

export interface ReusedClients {
  /** A factory that gives the client `inner` made before for the same app, URL and audience. */
  connectorFactory(claims: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory;
  /** The token client made before for the same app, or a new one from `make`. */
  userTokenClient(
    claims: ClaimsIdentity,
    make: () => Promise<UserTokenClient>,
  ): Promise<UserTokenClient>;
  /** How many clients are kept now. */
  readonly size: number;
}
