import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestUser } from './activities.js';
import type { ChannelKeys } from './channel-keys.js';
import { answerGraph, type GraphRateWindow } from './graph-api.js';
import type { GraphDirectory } from './graph-directory.js';
import type { ConversationMessages } from './conversation-messages.js';
import { notInRoster, tooBig, unknownMessage } from './connector-refusals.js';
import {
  connectorSuccess,
  matchConnectorRoute,
  type ConnectorAnswer,
  type FaultInjector,
  type RecordedCall,
} from './connector-api.js';

/** Where the channel serves each part of the protocol, once it knows its port. */
export interface ChannelAddresses {
  readonly base: string;
  readonly serviceUrl: string;
  readonly issuer: string;
  readonly scope: string;
  readonly loginUrl: string;
  readonly openIdMetadataUrl: string;
  readonly emulatorOpenIdMetadataUrl: string;
  /** Microsoft Graph's stand-in, in place of https://graph.microsoft.com/v1.0. */
  readonly graphUrl: string;
  /** The identity platform's stand-in, in place of https://login.microsoftonline.com. */
  readonly authorityHost: string;
}

/** The scope and audience of a token for Microsoft Graph, as the identity platform issues it. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const GRAPH_PATH = '/graph/v1.0/';

const paths = {
  openId: '/v1/.well-known/openidconfiguration',
  emulatorOpenId: '/emulator/.well-known/openidconfiguration',
  jwks: '/v1/.well-known/keys',
  files: '/files/',
};

function addressesFor(base: string, tenantId: string): ChannelAddresses {
  return {
    base,
    serviceUrl: `${base}/teams/`,
    issuer: `${base}/issuer`,
    scope: `${base}/connector-scope`,
    // botbuilder lower-cases the login URL before using it.
    loginUrl: `${base}/login/${tenantId}`.toLowerCase(),
    openIdMetadataUrl: `${base}${paths.openId}`,
    emulatorOpenIdMetadataUrl: `${base}${paths.emulatorOpenId}`,
    graphUrl: `${base}${GRAPH_PATH.slice(0, -1)}`,
    authorityHost: `${base}/login`,
  };
}

export interface ChannelServerOptions {
  readonly keys: ChannelKeys;
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  readonly acceptUnauthenticated: boolean;
  /** People the members endpoint knows. */
  readonly users: ReadonlyMap<string, TestUser>;
  readonly faults: FaultInjector;
  /** Files served at `/files/<name>`, as Teams serves a sent file at its `downloadUrl`. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Files whose address answers 302 to another address (as a storage front door may). */
  readonly redirects: ReadonlyMap<string, string>;
  readonly record: (call: RecordedCall) => void;
  /** What the bot has posted, by conversation: what an update may replace. */
  readonly messages: ConversationMessages;
  readonly tokenIssued: (resource: 'connector' | 'graph') => void;
  readonly graph: GraphDirectory;
  /** The Teams service limits, when the channel is to enforce them. */
  readonly graphLimits: GraphRateWindow | null;
  readonly connectorLatencyMs: number;
  readonly keepBodies: boolean;
  /**
   * How the OpenID metadata and keys answer now: normally, with 503 (as a service in trouble
   * answers), or not at all (the request hangs until the channel stops).
   */
  readonly metadataMode: () => MetadataMode;
}

export type MetadataMode = 'normal' | 'unavailable' | 'hang';

export interface ChannelServer {
  readonly addresses: ChannelAddresses;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, result: ConnectorAnswer): void {
  res.writeHead(result.status, { 'content-type': 'application/json', ...result.headers });
  res.end(JSON.stringify(result.body));
}

/** Keeps what a successful post, reply or update leaves in the conversation; its new id. */
function keepMessage(
  route: { kind: string; conversationId: string | null; activityId: string | null },
  body: unknown,
  result: ConnectorAnswer,
  messages: ConversationMessages,
): string | null {
  if (result.status < 200 || result.status >= 300) return null;
  const answered = result.body as { id?: string; activityId?: string } | null;
  if ((route.kind === 'post' || route.kind === 'reply') && route.conversationId !== null) {
    const id = answered?.id ?? null;
    if (id !== null) messages.keep(route.conversationId, id, { ...(body as object), id });
    return id;
  }
  if (route.kind === 'update' && route.conversationId !== null && route.activityId !== null) {
    messages.keep(route.conversationId, route.activityId, {
      ...(body as object),
      id: route.activityId,
    });
    return null;
  }
  if (route.kind === 'createConversation') {
    const activity = (body as { activity?: object } | null)?.activity;
    if (activity && answered?.id && answered.activityId) {
      messages.keep(answered.id, answered.activityId, { ...activity, id: answered.activityId });
      return answered.activityId;
    }
  }
  return null;
}

export function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error: unknown) {
    return { unparsable: text, error: String(error) };
  }
}

/** The channel's one loopback HTTP server: metadata, keys, login URL and Connector API. */
export async function startChannelServer(options: ChannelServerOptions): Promise<ChannelServer> {
  const { keys, appId, appPassword, users, faults } = options;
  let addresses = addressesFor('http://127.0.0.1', options.tenantId);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', addresses.base);
    const method = req.method ?? 'GET';
    const text = await readBody(req);

    const metadataPath =
      url.pathname === paths.openId ||
      url.pathname === paths.emulatorOpenId ||
      url.pathname === paths.jwks;
    if (method === 'GET' && metadataPath && options.metadataMode() !== 'normal') {
      if (options.metadataMode() === 'hang') return; // closed by close(), never answered
      return answer(res, {
        status: 503,
        body: { error: { code: 'ServiceUnavailable', message: 'Try again later' } },
      });
    }
    if (
      method === 'GET' &&
      (url.pathname === paths.openId || url.pathname === paths.emulatorOpenId)
    ) {
      return answer(res, {
        status: 200,
        body: {
          issuer: addresses.issuer,
          jwks_uri: `${addresses.base}${paths.jwks}`,
          id_token_signing_alg_values_supported: ['RS256'],
        },
      });
    }
    if (method === 'GET' && url.pathname === paths.jwks) {
      return answer(res, { status: 200, body: keys.jwks() });
    }
    if (
      method === 'POST' &&
      url.pathname.toLowerCase() === `${new URL(addresses.loginUrl).pathname}/oauth2/v2.0/token`
    ) {
      const form = new URLSearchParams(text);
      const scope = form.get('scope');
      const resource =
        scope === `${addresses.scope}/.default`
          ? 'connector'
          : scope === `${GRAPH_RESOURCE}/.default`
            ? 'graph'
            : null;
      const good =
        form.get('grant_type') === 'client_credentials' &&
        form.get('client_id') === appId &&
        form.get('client_secret') === appPassword;
      if (!good) {
        return answer(res, {
          status: 401,
          body: {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret provided.',
          },
        });
      }
      if (resource === null) {
        return answer(res, {
          status: 400,
          body: {
            error: 'invalid_scope',
            error_description: `AADSTS70011: The provided value for scope ${scope ?? ''} is not valid.`,
          },
        });
      }
      options.tokenIssued(resource);
      const lifetime = 3600;
      const token = await keys.issueOutbound({
        appId,
        scope: resource === 'graph' ? GRAPH_RESOURCE : addresses.scope,
        lifetimeSeconds: lifetime,
        // Entra puts the consented application permissions in the token when it is issued.
        ...(resource === 'graph' ? { roles: [...options.graph.granted] } : {}),
      });
      return answer(res, {
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: lifetime,
          ext_expires_in: lifetime,
          access_token: token,
        },
      });
    }

    if (url.pathname.startsWith(GRAPH_PATH)) {
      if (options.connectorLatencyMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, options.connectorLatencyMs));
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const claims =
        bearer === undefined ? null : await keys.verifyOutbound(bearer, GRAPH_RESOURCE);
      const roles = Array.isArray(claims?.['roles']) ? (claims['roles'] as string[]) : [];
      const segments = url.pathname
        .slice(GRAPH_PATH.length)
        .split('/')
        .filter((part) => part !== '')
        .map((part) => decodeURIComponent(part));
      const result =
        claims === null
          ? {
              status: 401,
              body: {
                error: {
                  code: 'InvalidAuthenticationToken',
                  message: 'Access token is empty or not valid.',
                },
              },
            }
          : answerGraph(
              options.graph,
              { method, segments, query: url.searchParams, body: parseJson(text), roles },
              options.graphLimits,
            );
      options.graph.calls.push({
        method,
        path: `/${segments.join('/')}`,
        query: url.search,
        status: result.status,
        roles,
        at: new Date(),
      });
      if (result.body === null) {
        res.writeHead(result.status, { ...result.headers });
        res.end();
        return;
      }
      return answer(res, result);
    }

    if (method === 'GET' && url.pathname.startsWith(paths.files)) {
      const name = decodeURIComponent(url.pathname.slice(paths.files.length));
      const file = options.files.get(name);
      const location = options.redirects.get(name);
      options.record({
        method,
        path: decodeURIComponent(url.pathname),
        kind: 'download',
        conversationId: null,
        activityId: null,
        createdId: null,
        headers: req.headers,
        body: null,
        status: location !== undefined ? 302 : file ? 200 : 404,
        authorised: false,
        at: new Date(),
      });
      if (location !== undefined) {
        res.writeHead(302, { location });
        res.end();
        return;
      }
      res.writeHead(file ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(file);
      return;
    }

    const route = matchConnectorRoute(method, url.pathname);
    if (route === null) {
      return answer(res, {
        status: 404,
        body: { error: { code: 'NotFound', message: `${method} ${url.pathname}` } },
      });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const authorised =
      bearer !== undefined && (await keys.verifyOutbound(bearer, addresses.scope)) !== null;
    const body = parseJson(text);
    const result: ConnectorAnswer = !(authorised || options.acceptUnauthenticated)
      ? {
          status: 401,
          body: { error: { code: 'Unauthorized', message: 'Bad or missing bearer token' } },
        }
      : route.kind === 'read' || route.kind === 'unsupported'
        ? connectorSuccess(route, body, users)
        : (notInRoster(route, body, options.graph) ??
          faults.next() ??
          tooBig(route.kind, text) ??
          unknownMessage(route, options.messages) ??
          connectorSuccess(route, body, users));
    const { keepBodies } = options;
    const createdId = keepBodies ? keepMessage(route, body, result, options.messages) : null;
    options.record({
      method,
      path: decodeURIComponent(url.pathname),
      kind: route.kind,
      conversationId: route.conversationId,
      activityId: route.activityId,
      createdId,
      headers: keepBodies ? req.headers : {},
      body: keepBodies ? body : null,
      status: result.status,
      authorised,
      at: new Date(),
    });
    return answer(res, result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Test channel failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  addresses = addressesFor(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    options.tenantId,
  );
  return {
    addresses,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
