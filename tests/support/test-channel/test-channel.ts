import { randomUUID } from 'node:crypto';
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
import { startChannelServer, parseJson, type MetadataMode } from './channel-server.js';
import { FaultInjector, type FailRule, type RecordedCall } from './connector-api.js';
import { ConversationMessages } from './conversation-messages.js';
import { GraphRateWindow } from './graph-api.js';
import { GraphDirectory, type InstallEvent } from './graph-directory.js';
import { installEventActivities } from './install-events.js';

export type { RecordedCall, FailRule } from './connector-api.js';
export type { InboundTokenCase } from './channel-keys.js';
export type { MetadataMode } from './channel-server.js';
export type { TestUser, TestScope } from './activities.js';
export type {
  DirectoryUser,
  DirectoryTeam,
  GraphCall,
  GraphThrottleRule,
} from './graph-directory.js';
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
  /**
   * Answer 429 to Graph calls on installedApps beyond the Teams service limits (30 a second
   * per app per tenant for GET, 30 for POST), as Graph does. Off by default.
   */
  readonly graphLimits?: boolean;
  /** How long each Connector call waits before it is answered, as a distant Teams does. */
  readonly connectorLatencyMs?: number;
  /**
   * False: Connector calls are recorded without their headers and bodies and posted messages
   * are not kept, so a benchmark of thousands of sends weighs the bot, not the channel.
   */
  readonly keepBodies?: boolean;
}

/** Where a pressed card is: the message holding it, and how the press came about. */
export interface CardPlace {
  /** The call that posted the message (its conversation and the id the channel gave it). */
  readonly message?: RecordedCall;
  readonly trigger?: 'manual' | 'automatic';
}

/** The bot's answer to one install event the channel sent it. */
export interface InstallEventDelivery {
  readonly event: InstallEvent;
  readonly type: string;
  readonly status: number;
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
  /**
   * An `adaptiveCard/action` invoke for an `Action.Execute` with this verb and data. `on` is
   * the message the card is on (a call that posted it): Teams sends its id as `replyToId`.
   * `trigger` is `automatic` for a card's refresh, `manual` (a button) otherwise.
   */
  cardAction(
    verb: string,
    data: Record<string, unknown>,
    from: TestUser,
    scope?: TestScope,
    on?: CardPlace,
  ): Partial<Activity>;
  /**
   * A message the bot posted, as people now see it (updates applied), or undefined when the
   * conversation holds no message with that id.
   */
  messageIn(conversationId: string, activityId: string): unknown;
  install(from: TestUser, scope: TestScope): Partial<Activity>;
  /**
   * Serves a file as Teams serves one sent to the bot; returns its `downloadUrl`. Each GET
   * of it is recorded in `sent` as a `download`.
   */
  serveFile(name: string, bytes: Uint8Array): string;
  /** A file address that answers 302 to `location`; returns the address. */
  serveRedirect(name: string, location: string): string;
  readonly sent: readonly RecordedCall[];
  /** How many client-credentials token requests for the Connector the login URL answered. */
  readonly tokenRequests: number;
  /** How many it answered for Microsoft Graph. */
  readonly graphTokenRequests: number;
  /**
   * Microsoft Graph for this tenant: people, teams, consent, installations, throttling; see
   * the README. `graph.calls` records every Graph call.
   */
  readonly graph: GraphDirectory;
  /** The settings that point the bot's Graph client here (see `src/graph/graph-config.ts`). */
  graphEnv(): Record<string, string>;
  /**
   * After each install through Graph, send the bot what Teams would (installationUpdate and
   * conversationUpdate) at this URL; answers are kept in `installEvents`.
   */
  sendInstallEventsTo(botUrl: string | null): void;
  readonly installEvents: readonly InstallEventDelivery[];
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  failSends(rule: FailRule | null): void;
  /** Makes the OpenID metadata and keys answer 503, or hang, or answer normally again. */
  setMetadataMode(mode: MetadataMode): void;
  /** Calls `listener` with each Connector call as it is recorded (the chat tool prints them). */
  onCall(listener: (call: RecordedCall) => void): void;
  stop(): Promise<void>;
}

export async function startTestChannel(options: TestChannelOptions = {}): Promise<TestChannel> {
  const tenantId = options.tenantId ?? randomUUID();
  const appId = options.appId ?? randomUUID();
  const appPassword = `secret-${randomUUID()}`;
  const keys = await createChannelKeys();
  const sent: RecordedCall[] = [];
  const users = new Map<string, TestUser>();
  const files = new Map<string, Uint8Array>();
  const redirects = new Map<string, string>();
  const faults = new FaultInjector();
  const messages = new ConversationMessages();
  const listeners: ((call: RecordedCall) => void)[] = [];
  let tokenRequests = 0;
  let metadataMode: MetadataMode = 'normal';
  let graphTokenRequests = 0;
  let installEventsUrl: string | null = null;
  const installEvents: InstallEventDelivery[] = [];
  // Filled in once the server knows its port; events only happen after that.
  let deliverInstall: (event: InstallEvent) => void = () => undefined;
  const graph = new GraphDirectory(appId, (event) => deliverInstall(event));
  const server = await startChannelServer({
    keys,
    appId,
    appPassword,
    tenantId,
    acceptUnauthenticated: options.acceptUnauthenticated === true,
    users,
    faults,
    messages,
    files,
    redirects,
    record: (call) => {
      sent.push(call);
      for (const listener of listeners) listener(call);
    },
    tokenIssued: (resource) => {
      if (resource === 'graph') graphTokenRequests += 1;
      else tokenRequests += 1;
    },
    graph,
    graphLimits: options.graphLimits === true ? new GraphRateWindow(30) : null,
    connectorLatencyMs: options.connectorLatencyMs ?? 0,
    keepBodies: options.keepBodies ?? true,
    metadataMode: () => metadataMode,
  });
  const { addresses } = server;
  const serviceUrl = addresses.serviceUrl;
  const botName = 'Action Tracker';
  const ctx: ActivityContext = { appId, tenantId, serviceUrl, botName };

  async function signedHeaders(
    activity: Partial<Activity>,
    tokenCase: InboundTokenCase = 'valid',
  ): Promise<Record<string, string>> {
    const token = await keys.signInbound({
      case: tokenCase,
      issuer: addresses.issuer,
      appId,
      serviceUrl: activity.serviceUrl ?? serviceUrl,
    });
    return {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    };
  }

  async function post(botUrl: string, activity: Partial<Activity>): Promise<number> {
    const response = await fetch(`${botUrl.replace(/\/$/, '')}/api/messages`, {
      method: 'POST',
      headers: await signedHeaders(activity),
      body: JSON.stringify(activity),
    });
    await response.text();
    return response.status;
  }

  deliverInstall = (event) => {
    if (event.scope === 'personal') users.set(event.user.teamsUser.id, event.user.teamsUser);
    const botUrl = installEventsUrl;
    if (botUrl === null) return;
    void (async () => {
      for (const activity of installEventActivities(ctx, event)) {
        const status = await post(botUrl, activity).catch(() => 0);
        installEvents.push({ event, type: activity.type ?? '', status });
      }
    })();
  };

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
    get graphTokenRequests() {
      return graphTokenRequests;
    },
    graph,
    graphEnv: () => ({
      GRAPH_URL: addresses.graphUrl,
      GRAPH_AUTHORITY_HOST: addresses.authorityHost,
      GRAPH_TEAMS_APP_ID: graph.catalogAppId,
      GRAPH_TENANT_ID: tenantId,
    }),
    sendInstallEventsTo: (botUrl) => void (installEventsUrl = botUrl),
    get installEvents() {
      return installEvents;
    },
    botEnv: () => ({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      ToBotFromChannelOpenIdMetadataUrl: addresses.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: addresses.issuer,
      ToChannelFromBotLoginUrl: addresses.loginUrl,
      ToChannelFromBotOAuthScope: addresses.scope,
      ToBotFromEmulatorOpenIdMetadataUrl: addresses.emulatorOpenIdMetadataUrl,
      OAuthUrl: `${addresses.base}/oauth`,
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
    cardAction: (verb, data, from, scopeName = 'personal', on = {}) => {
      users.set(from.id, from);
      const message = on.message;
      const value = { ...cardActionValue(verb, data), trigger: on.trigger ?? 'manual' };
      const activity = invokeActivity(ctx, 'adaptiveCard/action', value, from, {
        scope: scopeName,
        ...(message?.conversationId ? { conversationId: message.conversationId } : {}),
      });
      return message?.createdId ? { ...activity, replyToId: message.createdId } : activity;
    },
    messageIn: (conversationId, activityId) => messages.get(conversationId, activityId),
    install: (from, scopeName) => {
      users.set(from.id, from);
      return installActivity(ctx, from, { scope: scopeName });
    },
    serveFile: (name, bytes) => {
      files.set(name, bytes);
      return `${addresses.base}/files/${encodeURIComponent(name)}`;
    },
    serveRedirect: (name, location) => {
      redirects.set(name, location);
      return `${addresses.base}/files/${encodeURIComponent(name)}`;
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
    setMetadataMode: (mode) => void (metadataMode = mode),
    onCall: (listener) => void listeners.push(listener),
    stop: () => server.close(),
  };
}
