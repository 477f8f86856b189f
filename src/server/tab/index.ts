export type { TabAuthOptions, TabIdentity, TabTokenValidator } from './tab-auth.js';
export { createTabTokenValidator, DEFAULT_TAB_OPENID_METADATA_URL } from './tab-auth.js';
export { tabAuthFromEnv } from './tab-config.js';
export type { TabRoutesOptions } from './tab-routes.js';
export { registerTabRoutes } from './tab-routes.js';
export { tabRoutes } from './tab-wiring.js';
export type { TabWiringOptions } from './tab-wiring.js';
