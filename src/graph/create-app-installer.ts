import { ManagedIdentityCredential } from '@azure/identity';
import type { AppInstaller } from '../app/ports/app-installer.js';
import { createGraphAppInstaller, unavailableInstaller } from './graph-app-installer.js';
import type { GraphConfig } from './graph-config.js';
import { createGraphHttp } from './graph-http.js';
import { createGraphPacer } from './graph-pacer.js';
import { clientSecretTokens, credentialTokens, type TokenSource } from './graph-token.js';

export interface AppInstallerSetup {
  readonly installer: AppInstaller;
  /** Null when proactive install is on; otherwise why not, for the logs and `/unreachable`. */
  readonly disabledReason: string | null;
}

/** The app installer the settings call for: over Graph, or one that says why it is off. */
export function createAppInstaller(
  config: GraphConfig,
  options: { readonly sleep: (ms: number) => Promise<void>; readonly now: () => number },
): AppInstallerSetup {
  if (!config.enabled) {
    return { installer: unavailableInstaller(config.reason), disabledReason: config.reason };
  }
  const { credential } = config;
  const tokens: TokenSource =
    credential.kind === 'secret'
      ? clientSecretTokens({
          authorityHost: config.authorityHost,
          tenantId: config.tenantId,
          clientId: credential.clientId,
          clientSecret: credential.clientSecret,
          timeoutMs: config.timeoutMs,
        })
      : credentialTokens(new ManagedIdentityCredential({ clientId: credential.clientId }));
  const http = createGraphHttp({
    baseUrl: config.graphUrl,
    tokens,
    timeoutMs: config.timeoutMs,
    sleep: options.sleep,
    pacer: createGraphPacer({ now: options.now, sleep: options.sleep }),
  });
  return {
    installer: createGraphAppInstaller({
      http,
      graphUrl: config.graphUrl,
      tenantId: config.tenantId,
      teamsAppId: config.teamsAppId,
    }),
    disabledReason: null,
  };
}
