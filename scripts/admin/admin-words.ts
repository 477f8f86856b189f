import type { AdminFailureCode } from '../../src/app/admin/admin-result.js';

/** What each admin failure means, for a person at a terminal. */
export const ADMIN_FAILURE_WORDS: Readonly<Record<AdminFailureCode, string>> = {
  NOT_ADMIN: 'Only programme admins can do that.',
  PROGRAMME_NOT_FOUND:
    'There is no programme with that id. Run "npm run admin -- programmes" to list them.',
  ROLE_NOT_FOUND:
    'There is no role with that code in this programme. Run "npm run admin -- roles" to list them; to add one the plan does not have, give its title: assign CHAIR EMAIL Chair of the board.',
  INVALID_EMAIL:
    'That is not an email address. Give the person’s work email, such as name@council.example.',
  INVALID_ADMIN_ID: 'Give an email address or an Entra object id (a GUID).',
  CONFIGURED_ADMIN: 'That admin comes from the ADMINS setting; change the setting to remove them.',
  NOT_LINKED: 'That conversation is not linked (or not as the board channel).',
  PERSONAL_CHAT: 'A personal chat cannot be a board channel; link a channel or a group chat.',
};

export const USAGE = `Programme admin for Action Tracker.

  npm run admin -- import <plan.xlsx | folder of CSVs | files.csv…> [--programme ID] [--name NAME] [--dry-run]
  npm run admin -- programmes
  npm run admin -- roles [--programme ID]
  npm run admin -- assign ROLE EMAIL [TITLE OF A NEW ROLE] [--programme ID]
  npm run admin -- deputy ROLE EMAIL|none [--programme ID]
  npm run admin -- calendar [--programme ID]
  npm run admin -- admins [add|remove EMAIL-OR-OBJECT-ID]
  npm run admin -- link board CONVERSATION-ID [--programme ID]
  npm run admin -- unlink board|all CONVERSATION-ID

Without --name, an import takes the programme's name from the workbook: a Programme sheet
(Name, and the name beside it) or the xlsx file's title. --programme may be left out when
there is only one programme. Storage is the one the bot
uses (the same settings); with none configured, the embedded Azurite in .data/.`;
