/**
 * Stable codes for the failures a person can meet. Only `bot/` (and the CLIs) turn a code
 * into words; everything below passes the code and the facts needed to explain it.
 */
export type DomainErrorCode =
  | 'ACTION_NOT_FOUND'
  | 'WORKSTREAM_NOT_FOUND'
  | 'PROGRAMME_NOT_FOUND'
  | 'PERIOD_NOT_FOUND'
  | 'ROLE_NOT_FOUND'
  | 'NOT_OWNER'
  | 'NOT_ADMIN'
  | 'STALE_UPDATE'
  | 'PERIOD_CLOSED'
  | 'INVALID_UPDATE'
  | 'INVALID_DATE'
  | 'TOO_LARGE'
  | 'CONFLICT';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** A value that is either what was asked for or an expected failure with a stable code. */
export type Result<T, E extends { readonly code: string } = { readonly code: DomainErrorCode }> =
  { readonly ok: true; readonly value: T } | ({ readonly ok: false } & E);

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
