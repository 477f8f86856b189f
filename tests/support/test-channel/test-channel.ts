import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import {
  cardActionValue,
  installActivity,
  invokeActivity,
  messageActivity,
  type ActivityContext,
  type TestScope,
  type TestUser,
} from './activities.js';
import { createChannelKeys, type InboundTokenCase } from './channel-keys.js';
import {
  connectorSuccess,
  FaultInjector,
  matchConnectorRoute,
  type ConnectorAnswer,
  type FailRule,
  type RecordedCall,
} from './connector-api.js';

export type { RecordedCall, FailRule } from './connector-api.js';
export type { InboundTokenCase } from './channel-keys.js';
export type { TestUser, TestScope } from './activities.js';
export { testUser } from './activities.js';

export interface TestChannelOptions {
  readonly tenantId?: string;
  /** Defaults to a fresh GUID: botbuilder caches outbound tokens per app id in-process. */
  readonly appId?: string;
  /**
   * Accept Connector calls without a bearer token, as a bot with no app id makes them
   * (`npm run chat`, unauthenticated-mode tests). They are still recorded as not authorised.
   */
  readonly acceptUnauthenticated?: boolean;
}

export interface SendOptions {
  readonly token?: InboundTokenCase;
  /** Sent as the body instead of the activity's JSON (malformed-input tests). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

/** A local stand-in for Teams and the Bot Connector service; see the README in this folder. */
export interface TestChannel {
  readonly serviceUrl: string;
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  /** The bot's display name, used in @mentions. */
  readonly botName: string;
  botEnv(): Record<string, string>;
  send(
    botUrl: string,
    activity: Partial<Activity>,
    options?: SendOptions,
  ): Promise<{ status: number; body: unknown }>;
  /** The headers `send` would use (benchmarks time the HTTP call without the signing). */
  signedHeaders(
    activity: Partial<Activity>,
    token?: InboundTokenCase,
  ): Promise<Record<string, string>>;
  message(
    text: string,
    from: TestUser,
    scope: TestScope,
    conversationId?: string,
  ): Partial<Activity>;
  invoke(
    name: string,
    value: unknown,
    from: TestUser,
    scope?: TestScope,
    conversationId?: string,
  ): Partial<Activity>;
  /** An `adaptiveCard/action` invoke for an `Action.Execute` with this verb and data. */
  cardAction(
    verb: string,
    data: Record<string, unknown>,
    from: TestUser,
    scope?: TestScope,
  ): Partial<Activity>;
  install(from: TestUser, scope: TestScope): Partial<Activity>;
  readonly sent: readonly RecordedCall[];
  /** How many client-credentials token requests the login URL answered. */
  readonly tokenRequests: number;
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  failSends(rule: FailRule | null): void;
  /** Calls `listener` with each Connector call as it is recorded (the chat tool prints them). */
  onCall(listener: (call: RecordedCall) => void): void;
  stop(): Promise<void>;
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

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error: unknown) {
    return { unparsable: text, error: String(error) };
  }
}

export async function startTestChannel(options: TestChannelOptions = {}): Promise<TestChannel> {
  const tenantId = options.tenantId ?? randomUUID();
  const appId = options.appId ?? randomUUID();
  const appPassword = `secret-${randomUUID()}`;
  const keys = await createChannelKeys();
  const sent: RecordedCall[] = [];
  const users = new Map<string, TestUser>();
  const faults = new FaultInjector();
  const listeners: ((call: RecordedCall) => void)[] = [];
  let tokenRequests = 0;
  let base = '';

  const paths = {
    openId: '/v1/.well-known/openidconfiguration',
    emulatorOpenId: '/emulator/.well-known/openidconfiguration',
    jwks: '/v1/.well-known/keys',
  };
  const issuer = (): string => `${base}/issuer`;
  const scope = (): string => `${base}/connector-scope`;
  const loginUrl = (): string => `${base}/login/${tenantId}`.toLowerCase();

  function record(call: RecordedCall): void {
    sent.push(call);
    for (const listener of listeners) listener(call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const text = await readBody(req);

    if (
      method === 'GET' &&
      (url.pathname === paths.openId || url.pathname === paths.emulatorOpenId)
    ) {
      return answer(res, {
        status: 200,
        body: {
          issuer: issuer(),
          jwks_uri: `${base}${paths.jwks}`,
          id_token_signing_alg_values_supported: ['RS256'],
        },
      });
    }
    if (method === 'GET' && url.pathname === paths.jwks) {
      return answer(res, { status: 200, body: keys.jwks() });
    }
    if (
      method === 'POST' &&
      url.pathname.toLowerCase() === `${new URL(loginUrl()).pathname}/oauth2/v2.0/token`
    ) {
      const form = new URLSearchParams(text);
      const good =
        form.get('grant_type') === 'client_credentials' &&
        form.get('client_id') === appId &&
        form.get('client_secret') === appPassword &&
        form.get('scope') === `${scope()}/.default`;
      if (!good) return answer(res, { status: 401, body: { error: 'invalid_client' } });
      tokenRequests += 1;
      const lifetime = 3600;
      const token = await keys.issueOutbound({ appId, scope: scope(), lifetimeSeconds: lifetime });
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

    const route = matchConnectorRoute(method, url.pathname);
    if (route === null) {
      return answer(res, {
        status: 404,
        body: { error: { code: 'NotFound', message: `${method} ${url.pathname}` } },
      });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const authorised =
      bearer !== undefined && (await keys.verifyOutbound(bearer, scope())) !== null;
    const body = parseJson(text);
    const result: ConnectorAnswer = !(authorised || options.acceptUnauthenticated === true)
      ? {
          status: 401,
          body: { error: { code: 'Unauthorized', message: 'Bad or missing bearer token' } },
        }
      : route.kind === 'read'
        ? connectorSuccess(route, body, users)
        : (faults.next() ?? connectorSuccess(route, body, users));
    if (route.kind !== 'read') {
      record({
        method,
        path: decodeURIComponent(url.pathname),
        kind: route.kind,
        conversationId: route.conversationId,
        activityId: route.activityId,
        headers: req.headers,
        body,
        status: result.status,
        authorised,
        at: new Date(),
      });
    }
    return answer(res, result);
  }

  async function signedHeaders(
    activity: Partial<Activity>,
    tokenCase: InboundTokenCase = 'valid',
  ): Promise<Record<string, string>> {
    const token = await keys.signInbound({
      case: tokenCase,
      issuer: issuer(),
      appId,
      serviceUrl: activity.serviceUrl ?? serviceUrl,
    });
    return {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Test channel failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serviceUrl = `${base}/teams/`;
  const botName = 'Action Tracker';
  const ctx: ActivityContext = { appId, tenantId, serviceUrl, botName };

  return {
    serviceUrl,
    appId,
    appPassword,
    tenantId,
    botName,
    get sent() {
      return sent;
    },
    get tokenRequests() {
      return tokenRequests;
    },
    botEnv: () => ({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      ToBotFromChannelOpenIdMetadataUrl: `${base}${paths.openId}`,
      ToBotFromChannelTokenIssuer: issuer(),
      ToChannelFromBotLoginUrl: loginUrl(),
      ToChannelFromBotOAuthScope: scope(),
      ToBotFromEmulatorOpenIdMetadataUrl: `${base}${paths.emulatorOpenId}`,
      OAuthUrl: `${base}/oauth`,
      CallerId: 'urn:botframework:test-channel',
    }),
    signedHeaders,
    async send(botUrl, activity, sendOptions = {}) {
      const headers = {
        ...(await signedHeaders(activity, sendOptions.token)),
        ...sendOptions.headers,
      };
      const response = await fetch(`${botUrl.replace(/\/$/, '')}/api/messages`, {
        method: 'POST',
        headers,
        body: sendOptions.rawBody ?? JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: parseJson(text) };
    },
    message: (text, from, scopeName, conversationId) => {
      users.set(from.id, from);
      return messageActivity(ctx, text, from, {
        scope: scopeName,
        ...(conversationId === undefined ? {} : { conversationId }),
      });
    },
    invoke: (name, value, from, scopeName = 'personal', conversationId) => {
      users.set(from.id, from);
      return invokeActivity(ctx, name, value, from, {
        scope: scopeName,
        ...(conversationId === undefined ? {} : { conversationId }),
      });
    },
    cardAction: (verb, data, from, scopeName = 'personal') => {
      users.set(from.id, from);
      return invokeActivity(ctx, 'adaptiveCard/action', cardActionValue(verb, data), from, {
        scope: scopeName,
      });
    },
    install: (from, scopeName) => {
      users.set(from.id, from);
      return installActivity(ctx, from, { scope: scopeName });
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = sent.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = sent
            .map((call) => `${call.method} ${call.path} → ${call.status}`)
            .join('\n  ');
          throw new Error(
            `No matching call to the test channel within ${timeoutMs} ms. Seen:\n  ${seen || '(none)'}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    failSends: (rule) => faults.set(rule),
    onCall: (listener) => void listeners.push(listener),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
