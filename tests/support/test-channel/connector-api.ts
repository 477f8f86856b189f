import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TestUser } from './activities.js';

/** One call the bot made to the Connector, as the channel saw it. */
export interface RecordedCall {
  readonly method: string;
  /** Path with the conversation and activity ids decoded. */
  readonly path: string;
  /**
   * `read` is a members look-up; `download` a GET of a file the channel serves;
   * `unsupported` a call Teams has no API for (answered 405, as Teams does).
   */
  readonly kind:
    | 'createConversation'
    | 'post'
    | 'reply'
    | 'update'
    | 'delete'
    | 'read'
    | 'download'
    | 'unsupported';
  readonly conversationId: string | null;
  /** The activity being replied to, updated or deleted. */
  readonly activityId: string | null;
  /** The id the channel gave the message a post or reply created (null for anything else). */
  readonly createdId: string | null;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body (an Activity for post, reply and update). */
  readonly body: unknown;
  /** What the channel answered: 2xx, or the fault it was told to inject, or 401. */
  readonly status: number;
  /** Whether the bearer token was one this channel's login URL issued for its scope. */
  readonly authorised: boolean;
  readonly at: Date;
}

export interface FailRule {
  readonly status: number;
  /** Fraction of sends to fail (0–1). */
  readonly rate?: number;
  /** Fail only the next N sends. */
  readonly count?: number;
  readonly retryAfterSeconds?: number;
  /**
   * The error code Teams gives with the status, such as `ConversationBlockedByUser` with 403
   * ("Status codes from bot conversational APIs"); `InjectedFault` when not given.
   */
  readonly code?: string;
}

export interface ConnectorAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

interface Route {
  readonly kind: Exclude<RecordedCall['kind'], 'download'>;
  readonly conversationId: string | null;
  readonly activityId: string | null;
  readonly memberId: string | null;
}

/** Matches the Connector REST paths the bot uses (ids URL-encoded, as the SDK sends them). */
export function matchConnectorRoute(method: string, pathname: string): Route | null {
  const parts = pathname.split('/').filter((part) => part !== '');
  const at = parts.indexOf('v3');
  if (at < 0 || parts[at + 1] !== 'conversations') return null;
  const rest = parts.slice(at + 2).map((part) => decodeURIComponent(part));
  const [conversationId = null, section, id = null, member = null] = rest;
  if (conversationId === null) {
    return method === 'POST'
      ? { kind: 'createConversation', conversationId: null, activityId: null, memberId: null }
      : null;
  }
  if (section === 'members' || section === 'pagedmembers') {
    return method === 'GET'
      ? { kind: 'read', conversationId, activityId: null, memberId: id ?? member }
      : null;
  }
  if (section !== 'activities') return null;
  if (method === 'POST' && id === null) {
    return { kind: 'post', conversationId, activityId: null, memberId: null };
  }
  if (method === 'POST') return { kind: 'reply', conversationId, activityId: id, memberId: null };
  if (method === 'PUT') return { kind: 'update', conversationId, activityId: id, memberId: null };
  if (method === 'DELETE')
    return { kind: 'delete', conversationId, activityId: id, memberId: null };
  // The Bot Framework REST API has no "get activity": Teams answers a GET of an activity as
  // a method the resource does not allow (it takes only POST, PUT and DELETE).
  // https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
  if (method === 'GET') {
    return { kind: 'unsupported', conversationId, activityId: id, memberId: null };
  }
  return null;
}

/** What the Connector answers when the call is authorised and no fault is due. */
export function connectorSuccess(
  route: Route,
  body: unknown,
  users: ReadonlyMap<string, TestUser>,
): ConnectorAnswer {
  switch (route.kind) {
    case 'createConversation': {
      const params = body as {
        members?: { id?: string }[];
        channelData?: { channel?: { id?: unknown } };
      } | null;
      const activityId = randomUUID();
      // A new thread in a channel is the channel's id with the thread's first message.
      const channelId = params?.channelData?.channel?.id;
      if (typeof channelId === 'string') {
        return { status: 201, body: { id: `${channelId};messageid=${activityId}`, activityId } };
      }
      const memberId = params?.members?.[0]?.id ?? randomUUID();
      return { status: 201, body: { id: `a:personal-created-${memberId}`, activityId } };
    }
    case 'post':
    case 'reply':
      return { status: 201, body: { id: randomUUID() } };
    case 'update':
      return { status: 200, body: { id: route.activityId } };
    case 'delete':
      return { status: 200, body: {} };
    case 'read':
      return readMembers(route, users);
    case 'unsupported':
      return {
        status: 405,
        body: {
          error: {
            code: 'MethodNotAllowed',
            message: 'The requested resource does not support http method GET.',
          },
        },
        headers: { allow: 'POST, PUT, DELETE' },
      };
  }
}

function asTeamsAccount(user: TestUser): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    email: user.email,
    userPrincipalName: user.email,
    userRole: 'user',
  };
}

function readMembers(route: Route, users: ReadonlyMap<string, TestUser>): ConnectorAnswer {
  if (route.memberId !== null) {
    const user = users.get(route.memberId);
    return user
      ? { status: 200, body: asTeamsAccount(user) }
      : { status: 404, body: { error: { code: 'MemberNotFoundInConversation' } } };
  }
  const members = [...users.values()].map(asTeamsAccount);
  return { status: 200, body: members };
}

/** Decides whether the next send fails, by the rule the test set. */
export class FaultInjector {
  private rule: FailRule | null = null;
  private remaining = Infinity;

  set(rule: FailRule | null): void {
    this.rule = rule;
    this.remaining = rule?.count ?? Infinity;
  }

  next(): ConnectorAnswer | null {
    const rule = this.rule;
    if (rule === null || this.remaining <= 0) return null;
    if (rule.rate !== undefined && Math.random() >= rule.rate) return null;
    this.remaining -= 1;
    const headers: Record<string, string> =
      rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };
    return {
      status: rule.status,
      body: {
        error: {
          code: rule.code ?? 'InjectedFault',
          message: `Test channel answered ${rule.status}`,
        },
      },
      headers,
    };
  }
}
