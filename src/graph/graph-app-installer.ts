import type {
  AppInstaller,
  InstallFailure,
  PersonalInstallResult,
  TeamInstallResult,
} from '../app/ports/app-installer.js';
import type { GraphFailure, GraphHttp } from './graph-http.js';

/** The application permissions each step needs, named exactly as an admin grants them. */
export const PERMISSIONS = {
  readUser: 'User.Read.All',
  installForUser: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
  installInTeam: 'TeamsAppInstallation.ReadWriteSelfForTeam.All',
} as const;

export interface GraphAppInstallerOptions {
  readonly http: GraphHttp;
  /** Graph's root, used in `teamsApp@odata.bind` as Graph's examples do. */
  readonly graphUrl: string;
  readonly tenantId: string;
  /** The app's id in the organisation's app catalogue. */
  readonly teamsAppId: string;
}

function failureOf(failure: GraphFailure, permission: string, what: string): InstallFailure {
  switch (failure.kind) {
    case 'forbidden':
      return {
        kind: 'no-permission',
        permission,
        message: `Microsoft Graph refused to ${what} (403 ${failure.code ?? ''}): an admin must grant the application permission ${permission} to the bot's app registration and give admin consent.`,
      };
    case 'not-found':
      return { kind: 'not-found', message: `${what}: ${failure.message}` };
    case 'throttled':
    case 'unavailable':
    case 'timeout':
      return {
        kind: 'transient',
        status: failure.status,
        retryAfterMs: failure.retryAfterMs,
        message: `Could not ${what} yet (${failure.status} ${failure.code ?? failure.kind}): ${failure.message}`,
      };
    case 'bad-request':
    case 'unauthorised':
    case 'conflict':
      return {
        kind: 'refused',
        status: failure.status,
        message: `Microsoft Graph refused to ${what} (${failure.status} ${failure.code ?? ''}): ${failure.message}`,
      };
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Proactive install through Microsoft Graph, as Microsoft documents it
 * (https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages):
 * find the person (GET /users/{id | userPrincipalName}), install the app in their personal
 * scope (POST /users/{id}/teamwork/installedApps; 409 means it was already there), find the
 * installation (POST answers 201 with no body) and then the chat
 * (GET …/installedApps/{installationId}/chat), whose id the Bot Connector takes as the
 * conversation id.
 */
export function createGraphAppInstaller(options: GraphAppInstallerOptions): AppInstaller {
  const { http, teamsAppId } = options;
  const binding = {
    'teamsApp@odata.bind': `${options.graphUrl}/appCatalogs/teamsApps/${teamsAppId}`,
  };
  const fail = (failure: InstallFailure) => ({ ok: false as const, failure });

  return {
    async installForPerson(who): Promise<PersonalInstallResult> {
      const found = await http.get(
        `/users/${encodeURIComponent(who)}?$select=id,displayName,mail,userPrincipalName`,
      );
      if (!found.ok) {
        return fail(failureOf(found.failure, PERMISSIONS.readUser, `find ${who} in the directory`));
      }
      const user = asRecord(found.body);
      const userId = asText(user['id']);
      if (userId === null) {
        return fail({
          kind: 'refused',
          status: found.status,
          message: `Graph described ${who} without an id.`,
        });
      }
      const path = `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;
      const installed = await http.post(path, binding);
      const alreadyInstalled = !installed.ok && installed.failure.kind === 'conflict';
      if (!installed.ok && !alreadyInstalled) {
        const failure = failureOf(
          installed.failure,
          PERMISSIONS.installForUser,
          `install the app for ${who}`,
        );
        // The person was just found, so a 404 here is the app missing from the catalogue.
        return fail(
          failure.kind === 'not-found'
            ? {
                kind: 'refused',
                status: 404,
                message: `Graph has no app ${teamsAppId} in the organisation's app catalogue: check GRAPH_TEAMS_APP_ID. (${failure.message})`,
              }
            : failure,
        );
      }
      const listed = await http.get(
        `${path}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${teamsAppId}'`)}`,
      );
      if (!listed.ok) {
        return fail(
          failureOf(
            listed.failure,
            PERMISSIONS.installForUser,
            `find the app's installation for ${who}`,
          ),
        );
      }
      const installations = asRecord(listed.body)['value'];
      const installationId = Array.isArray(installations)
        ? asText(asRecord(installations[0])['id'])
        : null;
      if (installationId === null) {
        // Just installed and not listed yet: Graph is eventually consistent, so try later.
        return fail({
          kind: 'transient',
          status: 200,
          retryAfterMs: null,
          message: `The app's installation for ${who} is not listed yet.`,
        });
      }
      const chat = await http.get(`${path}/${encodeURIComponent(installationId)}/chat`);
      if (!chat.ok) {
        const failure = failureOf(
          chat.failure,
          PERMISSIONS.installForUser,
          `find the chat with ${who}`,
        );
        // The installation exists, so a missing chat is one Teams has not created yet.
        return fail(
          failure.kind === 'not-found'
            ? { kind: 'transient', status: 404, retryAfterMs: null, message: failure.message }
            : failure,
        );
      }
      const chatId = asText(asRecord(chat.body)['id']);
      if (chatId === null) {
        return fail({
          kind: 'refused',
          status: chat.status,
          message: `Graph gave the chat with ${who} no id.`,
        });
      }
      return {
        ok: true,
        chat: {
          userId,
          email: (asText(user['mail']) ?? asText(user['userPrincipalName']))?.toLowerCase() ?? null,
          name: asText(user['displayName']),
          chatId,
          tenantId: options.tenantId,
          alreadyInstalled,
        },
      };
    },

    async installInTeam(teamId): Promise<TeamInstallResult> {
      const installed = await http.post(
        `/teams/${encodeURIComponent(teamId)}/installedApps`,
        binding,
      );
      if (installed.ok) return { ok: true, teamId, alreadyInstalled: false };
      if (installed.failure.kind === 'conflict')
        return { ok: true, teamId, alreadyInstalled: true };
      return fail(
        failureOf(
          installed.failure,
          PERMISSIONS.installInTeam,
          `install the app in team ${teamId}`,
        ),
      );
    },
  };
}

/** The installer when proactive install is off: every call says why, once per call. */
export function unavailableInstaller(reason: string): AppInstaller {
  const failure: InstallFailure = {
    kind: 'not-configured',
    message: `Proactive install is off: ${reason}`,
  };
  return {
    installForPerson: () => Promise.resolve({ ok: false, failure }),
    installInTeam: () => Promise.resolve({ ok: false, failure }),
  };
}
