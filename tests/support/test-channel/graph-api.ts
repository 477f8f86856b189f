import type { ConnectorAnswer } from './connector-api.js';
import type { DirectoryUser, GraphDirectory } from './graph-directory.js';

/**
 * Microsoft Graph's answers to the calls the bot makes, from the directory's state. Each
 * behaviour is Graph's documented one:
 * - GET /users/{id | userPrincipalName}: 200 with the user, 404 when no such user
 *   (https://learn.microsoft.com/graph/api/user-get).
 * - POST /users/{id}/teamwork/installedApps: 201 with no body
 *   (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps); 409 when the app
 *   is already installed.
 * - GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{id}':
 *   an empty list or the one installation
 *   (https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
 * - GET /users/{id}/teamwork/installedApps/{installationId}/chat: 200 with the chat
 *   (https://learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat).
 * - POST /teams/{id}/installedApps: 201, 409 when installed
 *   (https://learn.microsoft.com/graph/api/team-post-installedapps).
 * - 403 when the token's roles lack every permission the API accepts (admin consent not
 *   granted); 429 with Retry-After when throttled (https://learn.microsoft.com/graph/throttling),
 *   and, with limits on, above the Teams service limits of 30 requests a second per app per
 *   tenant for GET and for POST on installedApps
 *   (https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits).
 */

const READ_USER = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const INSTALL_FOR_USER = [
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'TeamsAppInstallation.ReadWriteForUser.All',
  'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
];
const READ_USER_INSTALLS = ['TeamsAppInstallation.ReadForUser.All', ...INSTALL_FOR_USER];
const INSTALL_IN_TEAM = [
  'TeamsAppInstallation.ReadWriteSelfForTeam.All',
  'TeamsAppInstallation.ReadWriteForTeam.All',
  'Group.ReadWrite.All',
];

function error(status: number, code: string, message: string): ConnectorAnswer {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString() } } },
  };
}

function forbidden(roles: readonly string[], accepted: readonly string[]): ConnectorAnswer {
  return error(
    403,
    'Forbidden',
    `Missing role permissions on the request. API requires one of '${accepted.join(', ')}'. Roles on the request '${roles.join(', ')}'.`,
  );
}

function userNotFound(id: string): ConnectorAnswer {
  return error(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function asUserResource(user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
  };
}

/** Counts requests per kind in the current one-second window, for the Teams service limits. */
export class GraphRateWindow {
  private second = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  /** True when this request is over the limit. */
  over(kind: string, now: number): boolean {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.counts.clear();
    }
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    return count > this.perSecond;
  }
}

export interface GraphRequest {
  readonly method: string;
  /** Path after the version segment (`/users/…`), decoded. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly roles: readonly string[];
}

const allows = (roles: readonly string[], accepted: readonly string[]): boolean =>
  accepted.some((permission) => roles.includes(permission));

function bindTarget(body: unknown): string | null {
  const bind =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)['teamsApp@odata.bind']
      : undefined;
  if (typeof bind !== 'string') return null;
  return /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] ?? null;
}

function install(directory: GraphDirectory, request: GraphRequest, user: DirectoryUser) {
  const appId = bindTarget(request.body);
  if (appId === null) {
    return error(400, 'BadRequest', "The body must bind 'teamsApp@odata.bind' to a catalogue app.");
  }
  if (appId !== directory.catalogAppId) {
    return error(404, 'NotFound', `No app '${appId}' in the organisation's app catalogue.`);
  }
  return directory.installForUser(user) === 'installed'
    ? { status: 201, body: null }
    : error(409, 'Conflict', 'The app is already installed for this user.');
}

function userRoutes(directory: GraphDirectory, request: GraphRequest): ConnectorAnswer {
  const { method, segments, roles } = request;
  const [, idOrUpn = '', teamwork, installedApps, installationId, chat] = segments;
  const isInstalls = teamwork === 'teamwork' && installedApps === 'installedApps';
  if (segments.length === 2 && method === 'GET') {
    if (!allows(roles, READ_USER)) {
      return error(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    }
    const user = directory.findUser(idOrUpn);
    return user ? { status: 200, body: asUserResource(user) } : userNotFound(idOrUpn);
  }
  if (!isInstalls)
    return error(400, 'BadRequest', `Resource not found for the segment '${teamwork}'.`);
  const user = directory.findUser(idOrUpn);
  if (segments.length === 4 && method === 'POST') {
    if (!allows(roles, INSTALL_FOR_USER)) return forbidden(roles, INSTALL_FOR_USER);
    return user ? install(directory, request, user) : userNotFound(idOrUpn);
  }
  if (method !== 'GET') return error(405, 'MethodNotAllowed', `${method} is not supported here.`);
  if (!allows(roles, READ_USER_INSTALLS)) return forbidden(roles, READ_USER_INSTALLS);
  if (!user) return userNotFound(idOrUpn);
  const installed = directory.personalInstalls.get(user.id);
  if (segments.length === 4) {
    const filter = /^teamsApp\/id eq '([^']+)'$/.exec(request.query.get('$filter') ?? '')?.[1];
    const matches =
      installed !== undefined && (filter === undefined || filter === directory.catalogAppId);
    const teamsApp = {
      id: directory.catalogAppId,
      externalId: directory.manifestAppId,
      displayName: 'Action Tracker',
      distributionMethod: 'organization',
    };
    return {
      status: 200,
      body: { value: matches ? [{ id: installed, teamsApp }] : [] },
    };
  }
  if (segments.length === 6 && chat === 'chat') {
    if (installed === undefined || installed !== installationId) {
      return error(404, 'NotFound', `No installation '${installationId ?? ''}' for this user.`);
    }
    return {
      status: 200,
      body: {
        id: directory.chatIdOf(user),
        topic: null,
        chatType: 'oneOnOne',
        tenantId: null,
        createdDateTime: new Date().toISOString(),
      },
    };
  }
  return error(400, 'BadRequest', 'Unsupported segment.');
}

function teamRoutes(directory: GraphDirectory, request: GraphRequest): ConnectorAnswer {
  const { method, segments, roles } = request;
  const [, teamId = '', installedApps] = segments;
  if (segments.length !== 3 || installedApps !== 'installedApps' || method !== 'POST') {
    return error(400, 'BadRequest', 'Unsupported segment.');
  }
  if (!allows(roles, INSTALL_IN_TEAM)) return forbidden(roles, INSTALL_IN_TEAM);
  const team = directory.teams.get(teamId);
  if (!team) return error(404, 'NotFound', `No team '${teamId}'.`);
  const appId = bindTarget(request.body);
  if (appId !== directory.catalogAppId) {
    return error(404, 'NotFound', `No app '${appId ?? ''}' in the organisation's app catalogue.`);
  }
  return directory.installInTeam(team) === 'installed'
    ? { status: 201, body: null }
    : error(409, 'Conflict', 'The app is already installed in this team.');
}

/** Which Teams service limit a request counts against. */
function limitKind(request: GraphRequest): string | null {
  if (!request.segments.includes('installedApps')) return null;
  return request.method === 'GET' ? 'GET installedApps' : 'POST installedApps';
}

/** Answers one authenticated Graph request as Graph would. */
export function answerGraph(
  directory: GraphDirectory,
  request: GraphRequest,
  limits: GraphRateWindow | null,
): ConnectorAnswer {
  const throttled = directory.nextThrottle(request.method);
  const kind = limitKind(request);
  const overLimit = limits !== null && kind !== null && limits.over(kind, Date.now());
  if (throttled !== null || overLimit) {
    return {
      ...error(429, 'TooManyRequests', 'Please retry again later.'),
      headers: { 'retry-after': String(throttled ?? 1) },
    };
  }
  switch (request.segments[0] ?? '') {
    case 'users':
      return userRoutes(directory, request);
    case 'teams':
      return teamRoutes(directory, request);
    default:
      return error(
        400,
        'BadRequest',
        `Resource not found for the segment '${request.segments[0] ?? ''}'.`,
      );
  }
}
