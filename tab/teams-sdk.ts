// Only the parts of teams-js the tab uses, so the lazily loaded chunk stays small.
export { app, authentication, pages } from '@microsoft/teams-js';
