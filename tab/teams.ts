import { app, authentication, pages } from '@microsoft/teams-js';

/** Teams (and Outlook, Microsoft 365) show tabs in a frame; a plain browser does not. */
export function inTeamsFrame(): boolean {
  return window.parent !== window || window.name === 'embedded-page-container';
}

/** Connects to the Teams host; the wait is bounded so a stray frame does not hang the page. */
export async function connectToTeams(): Promise<boolean> {
  if (!inTeamsFrame()) return false;
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000));
  const connected = app.initialize().then(() => true);
  if (!(await Promise.race([connected, timeout]))) return false;
  await app.notifySuccess();
  return true;
}

/** The signed-in user's Teams SSO token, for the service named in webApplicationInfo. */
export function teamsToken(): Promise<string> {
  return authentication.getAuthToken();
}

/** Makes the configuration page's Save button pin the chosen programme's dashboard. */
export function offerChannelTab(programme: { id: string; name: string } | null): void {
  if (!programme) {
    void pages.config.setValidityState(false);
    return;
  }
  const contentUrl = `${location.origin}/tab/?programme=${encodeURIComponent(programme.id)}`;
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({
        contentUrl,
        websiteUrl: contentUrl,
        entityId: `dashboard-${programme.id}`,
        suggestedDisplayName: `${programme.name} dashboard`,
      })
      .then(
        () => save.notifySuccess(),
        (error: unknown) => save.notifyFailure(String(error)),
      );
  });
  void pages.config.setValidityState(true);
}
