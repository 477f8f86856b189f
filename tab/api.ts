import type { DashboardFilters, DashboardGrid } from '../src/app/dashboard.use-case.js';
import { connectToTeams, teamsToken } from './teams.js';

export interface TabConfig {
  readonly authRequired: boolean;
  readonly appId: string | null;
}

export interface ProgrammeSummary {
  readonly id: string;
  readonly name: string;
}

/** Thrown with words a person can act on; the page shows the message as it is. */
export class TabError extends Error {}

export interface ProgrammeList {
  readonly programmes: ProgrammeSummary[];
  /** Whether this person may download the board pack (admins, when the service offers it). */
  readonly canExport: boolean;
}

export interface TabApi {
  readonly config: TabConfig;
  programmes(): Promise<ProgrammeList>;
  dashboard(programmeId: string, filters: DashboardFilters): Promise<DashboardGrid>;
  exportPack(programmeId: string): Promise<{ blob: Blob; fileName: string }>;
}

/** Talks to `/api/tab/*`, with the user's Teams token when the service asks for one. */
export async function connect(): Promise<TabApi> {
  const config = await getJson<TabConfig>('/api/tab/config', undefined);
  const inTeams = await connectToTeams();
  if (config.authRequired && !inTeams) {
    throw new TabError('Open this dashboard from the Action Tracker app in Microsoft Teams.');
  }
  const token = async () => (config.authRequired ? teamsToken() : undefined);
  return {
    config,
    programmes: async () => getJson<ProgrammeList>('/api/tab/programmes', await token()),
    dashboard: async (programmeId, filters) => {
      const query = new URLSearchParams(
        Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const path = `/api/tab/programmes/${encodeURIComponent(programmeId)}/dashboard?${query}`;
      return getJson<DashboardGrid>(path, await token());
    },
    exportPack: async (programmeId) => {
      const path = `/api/tab/programmes/${encodeURIComponent(programmeId)}/export`;
      const response = await fetch(path, { headers: headers(await token()) });
      if (!response.ok) throw await failure(response);
      const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
      return {
        blob: await response.blob(),
        fileName: named?.[1] ?? `${programmeId}-board-pack.xlsx`,
      };
    },
  };
}

async function getJson<T>(path: string, token: string | undefined): Promise<T> {
  const response = await fetch(path, { headers: headers(token) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

function headers(token: string | undefined): Record<string, string> {
  return token ? { accept: 'application/json', authorization: `Bearer ${token}` } : {};
}

async function failure(response: Response): Promise<TabError> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (response.status === 401) {
    return new TabError('Teams could not confirm who you are. Close the tab and open it again.');
  }
  return new TabError(body.message ?? `The service answered ${response.status}. Try again.`);
}
