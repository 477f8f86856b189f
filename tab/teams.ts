/**
 * teams-js is loaded only inside a Teams frame: on import it asks a Microsoft CDN which hosts
 * are valid, which a plain browser (local use) neither needs nor may be able to reach.
 */
const teams = () => import('./teams-sdk.js');

/** Teams (and Outlook, Microsoft 365) show tabs in a frame; a plain browser does not. */
export function inTeamsFrame(): boolean {
  return window.parent !== window || window.name === 'embedded-page-container';
}

/** Connects to the Teams host; the wait is bounded so a stray frame does not hang the page. */
export async function connectToTeams(): Promise<boolean> {
  if (!inTeamsFrame()) return false;
  const { app } = await teams();
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000));
  const connected = app.initialize().then(() => true);
  if (!(await Promise.race([connected, timeout]))) return false;
  await app.notifySuccess();
  return true;
}

/** The signed-in user's Teams SSO token, for the service named in webApplicationInfo. */
export async function teamsToken(): Promise<string> {
  const { authentication } = await teams();
  return authentication.getAuthToken();
}

/** Makes the configuration page's Save button pin the chosen programme's dashboard. */
export async function offerChannelTab(
  programme: { readonly id: string; readonly name: string } | null,
): Promise<void> {
  const { pages } = await teams();
  if (!programme) {
    pages.config.setValidityState(false);
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
  pages.config.setValidityState(true);
}
