/**
 * Codes the admin use cases answer with. Only `bot/` and the CLI turn them into words.
 */
export type AdminFailureCode =
  | 'NOT_ADMIN'
  | 'PROGRAMME_NOT_FOUND'
  | 'ROLE_NOT_FOUND'
  | 'INVALID_EMAIL'
  | 'INVALID_ADMIN_ID'
  | 'CONFIGURED_ADMIN'
  | 'NOT_LINKED'
  | 'PERSONAL_CHAT';

export type AdminResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: AdminFailureCode };

export function fail(code: AdminFailureCode): {
  readonly ok: false;
  readonly code: AdminFailureCode;
} {
  return { ok: false, code };
}
