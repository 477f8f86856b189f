import { parseRetryAfter } from '../../scheduler/backoff.js';
import type { SendOutcome } from '../../scheduler/message-transport.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function headerOf(response: unknown, name: string): string | null {
  if (!isRecord(response)) return null;
  const headers = response['headers'];
  if (!isRecord(headers)) return null;
  const get = headers['get'];
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    return typeof value === 'string' ? value : null;
  }
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}

function codeOf(error: Record<string, unknown>): string | null {
  const response = error['response'];
  const text = isRecord(response) ? response['bodyAsText'] : undefined;
  if (typeof text === 'string' && text !== '') {
    try {
      const body: unknown = JSON.parse(text);
      const inner = isRecord(body) ? body['error'] : undefined;
      if (isRecord(inner) && typeof inner['code'] === 'string') return inner['code'];
    } catch (parseError: unknown) {
      return `unreadable error body (${String(parseError)})`;
    }
  }
  return typeof error['code'] === 'string' ? error['code'] : null;
}

/**
 * What a failed Connector call came to, read from the SDK's error (a RestError with the
 * status, response headers and body) without depending on its exact class.
 */
export function connectorFailureOf(error: unknown, now: Date): Extract<SendOutcome, { ok: false }> {
  const message = error instanceof Error ? error.message : String(error);
  if (!isRecord(error)) return { ok: false, status: 0, retryAfterMs: null, code: null, message };
  const status = typeof error['statusCode'] === 'number' ? error['statusCode'] : 0;
  return {
    ok: false,
    status,
    retryAfterMs: parseRetryAfter(headerOf(error['response'], 'retry-after'), now),
    code: codeOf(error),
    message: message.slice(0, 500),
  };
}
