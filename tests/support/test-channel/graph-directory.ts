import { randomUUID } from 'node:crypto';
import type { TestUser } from './activities.js';

/**
 * The tenant as Microsoft Graph sees it: people, teams, the app's installations and which
 * application permissions an admin has consented to. `graph-api.ts` answers HTTP from this.
 */

/** Graph's user resource, the default properties the bot asks for. */
export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string | null;
  readonly userPrincipalName: string;
  /** Who this is on activities (`29:…`), so install events carry the right `from`. */
  readonly teamsUser: TestUser;
}

export interface DirectoryTeam {
  /** The team's Microsoft 365 group id (a GUID): Graph's `/teams/{id}`, a link's `groupId`. */
  readonly id: string;
  readonly displayName: string;
  /**
   * The team's channels' conversation ids (`19:…@thread.tacv2`); the first is General, whose
   * id is also the team's id on activities (`channelData.team.id`).
   */
  readonly channelIds: readonly string[];
}

/** What the channel tells the bot after an install, as Teams does. */
export type InstallEvent =
  | { readonly scope: 'personal'; readonly user: DirectoryUser; readonly chatId: string }
  | { readonly scope: 'team'; readonly team: DirectoryTeam };

/** Throttle the next `count` Graph calls (all, or only GETs or POSTs). */
export interface GraphThrottleRule {
  readonly count: number;
  readonly retryAfterSeconds: number;
  readonly method?: 'GET' | 'POST';
}

/** One Graph call as the stand-in saw it. */
export interface GraphCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  /** The `roles` claim of the bearer token: the consent the app had when the token was issued. */
  readonly roles: readonly string[];
  readonly at: Date;
}

export class GraphDirectory {
  readonly users = new Map<string, DirectoryUser>();
  readonly teams = new Map<string, DirectoryTeam>();
  /** Application permissions an admin has granted the app (admin consent). */
  readonly granted = new Set<string>();
  /** userId → installation id of this app in their personal scope. */
  readonly personalInstalls = new Map<string, string>();
  readonly teamInstalls = new Set<string>();
  readonly calls: GraphCall[] = [];
  /** The app's id in the organisation's catalogue (not the manifest id). */
  readonly catalogAppId = randomUUID();
  readonly manifestAppId = randomUUID();
  private throttleRule: GraphThrottleRule | null = null;
  private throttleLeft = 0;

  constructor(
    private readonly botAppId: string,
    readonly onInstall: (event: InstallEvent) => void,
  ) {}

  addUser(user: TestUser, options: { readonly upn?: string; readonly mail?: string | null } = {}) {
    const entry: DirectoryUser = {
      id: user.aadObjectId,
      displayName: user.name,
      mail: options.mail === undefined ? user.email : options.mail,
      userPrincipalName: options.upn ?? user.email,
      teamsUser: user,
    };
    this.users.set(entry.id, entry);
    return entry;
  }

  addTeam(team: DirectoryTeam): DirectoryTeam {
    this.teams.set(team.id, team);
    return team;
  }

  /** By object id, or by user principal name regardless of case, as `/users/{id | upn}`. */
  findUser(idOrUpn: string): DirectoryUser | null {
    const byId = this.users.get(idOrUpn);
    if (byId) return byId;
    const upn = idOrUpn.toLowerCase();
    return [...this.users.values()].find((u) => u.userPrincipalName.toLowerCase() === upn) ?? null;
  }

  /** The 1:1 chat between a person and the bot, as Graph names it. */
  chatIdOf(user: DirectoryUser): string {
    return `19:${user.id}_${this.botAppId}@unq.gbl.spaces`;
  }

  installForUser(user: DirectoryUser): 'installed' | 'already' {
    if (this.personalInstalls.has(user.id)) return 'already';
    const installationId = Buffer.from(`${user.id}##${this.catalogAppId}`).toString('base64');
    this.personalInstalls.set(user.id, installationId);
    this.onInstall({ scope: 'personal', user, chatId: this.chatIdOf(user) });
    return 'installed';
  }

  /** The team a channel belongs to, if it is one of this directory's. */
  teamOfChannel(channelId: string): DirectoryTeam | null {
    return [...this.teams.values()].find((team) => team.channelIds.includes(channelId)) ?? null;
  }

  installInTeam(team: DirectoryTeam): 'installed' | 'already' {
    if (this.teamInstalls.has(team.id)) return 'already';
    this.teamInstalls.add(team.id);
    this.onInstall({ scope: 'team', team });
    return 'installed';
  }

  /** Marks the app installed for a person without telling the bot (they installed it long ago). */
  preinstall(user: DirectoryUser): void {
    this.personalInstalls.set(
      user.id,
      Buffer.from(`${user.id}##${this.catalogAppId}`).toString('base64'),
    );
  }

  throttle(rule: GraphThrottleRule | null): void {
    this.throttleRule = rule;
    this.throttleLeft = rule?.count ?? 0;
  }

  /** Seconds to ask the caller to wait, when this call is to be throttled. */
  nextThrottle(method: string): number | null {
    const rule = this.throttleRule;
    if (rule === null || this.throttleLeft <= 0) return null;
    if (rule.method !== undefined && rule.method !== method) return null;
    this.throttleLeft -= 1;
    return rule.retryAfterSeconds;
  }
}
