/**
 * Installs the app for a person or in a team, so the bot can message people who never opened
 * it: Teams lets a bot write only where its app is installed. Implemented over Microsoft Graph
 * in `src/graph/`; the use cases see only these results.
 */

/** Why an install could not be done, in the terms an admin acts on. */
export type InstallFailure =
  | {
      /** Proactive install is off: no Graph settings, or no credential to get a token. */
      readonly kind: 'not-configured';
      readonly message: string;
    }
  | {
      /** Graph answered 403: an admin has not consented to this application permission. */
      readonly kind: 'no-permission';
      readonly permission: string;
      readonly message: string;
    }
  | {
      /** Graph answered 404: no such person (or team) in the directory. */
      readonly kind: 'not-found';
      readonly message: string;
    }
  | {
      /** Throttled (429), Graph unavailable (5xx) or no answer in time: try again later. */
      readonly kind: 'transient';
      readonly status: number;
      readonly retryAfterMs: number | null;
      readonly message: string;
    }
  | {
      /** Any other refusal (400, 401, an app missing from the catalogue): not worth retrying. */
      readonly kind: 'refused';
      readonly status: number;
      readonly message: string;
    };

/** The person's 1:1 chat with the bot, found after the install. */
export interface PersonalChat {
  /** Entra object id. */
  readonly userId: string;
  readonly email: string | null;
  readonly name: string | null;
  /** Graph's chat id (`19:…@unq.gbl.spaces`), which the Bot Connector takes as a conversation id. */
  readonly chatId: string;
  readonly tenantId: string;
  /** True when Graph answered 409: the app was already there. */
  readonly alreadyInstalled: boolean;
}

export type PersonalInstallResult =
  | { readonly ok: true; readonly chat: PersonalChat }
  | { readonly ok: false; readonly failure: InstallFailure };

export type TeamInstallResult =
  | { readonly ok: true; readonly teamId: string; readonly alreadyInstalled: boolean }
  | { readonly ok: false; readonly failure: InstallFailure };

export interface AppInstaller {
  /** `who` is an email / user principal name or an Entra object id. */
  installForPerson(who: string): Promise<PersonalInstallResult>;
  /** `teamId` is the team's group id (also the id of its General channel's conversation). */
  installInTeam(teamId: string): Promise<TeamInstallResult>;
}
