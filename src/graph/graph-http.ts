import type { GraphPacer } from './graph-pacer.js';
import { TokenError, type TokenSource } from './graph-token.js';

/** What a refused or failed Graph call came to, by what the caller should do about it. */
export interface GraphFailure {
  readonly kind:
    | 'bad-request'
    | 'unauthorised'
    | 'forbidden'
    | 'not-found'
    | 'conflict'
    | 'throttled'
    | 'unavailable'
    | 'timeout';
  /** HTTP status; 0 when Graph was not reached or did not answer in time. */
  readonly status: number;
  /** Graph's `error.code` (`Request_ResourceNotFound`, `TooManyRequests`). */
  readonly code: string | null;
  readonly message: string;
  /** From `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | null;
}

export type GraphResponse =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly failure: GraphFailure };

export interface GraphHttp {
  get(path: string): Promise<GraphResponse>;
  post(path: string, body: unknown): Promise<GraphResponse>;
}

export interface GraphHttpOptions {
  /** `https://graph.microsoft.com/v1.0`; paths are appended to it. */
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  /** Each request is abandoned after this long. */
  readonly timeoutMs: number;
  /** Throttled or unavailable calls are tried this many more times here. Default 3. */
  readonly retries?: number;
  /**
   * A Retry-After longer than this is not waited for here: the failure goes back to the caller,
   * whose outbox retries later. Default 30 s.
   */
  readonly maxWaitMs?: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Keeps calls within Graph's Teams service limits. */
  readonly pacer: GraphPacer;
}

/** Graph sends Retry-After in seconds, sometimes with a fraction (`2.128`). */
function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function kindOf(status: number): GraphFailure['kind'] {
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 408 || status >= 500) return 'unavailable';
  return 'bad-request';
}

async function failureOf(response: Response): Promise<GraphFailure> {
  const body: unknown = await response.json().catch(() => null);
  const error =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : null;
  const record =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = typeof record['code'] === 'string' ? record['code'] : null;
  const message =
    typeof record['message'] === 'string' ? record['message'] : `HTTP ${response.status}`;
  return {
    kind: kindOf(response.status),
    status: response.status,
    code,
    message: message.slice(0, 500),
    retryAfterMs: retryAfterOf(response),
  };
}

const worthWaitingFor = (failure: GraphFailure): boolean =>
  failure.kind === 'throttled' || failure.kind === 'unavailable' || failure.kind === 'timeout';

/**
 * Graph over fetch: a bearer token on every call, a timeout, and Graph's throttling guidance
 * followed (on 429 wait the Retry-After, then try again:
 * https://learn.microsoft.com/graph/throttling). A 401 renews the token once.
 */
export function createGraphHttp(options: GraphHttpOptions): GraphHttp {
  const retries = options.retries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 30_000;

  async function once(method: string, path: string, body: unknown): Promise<GraphResponse> {
    let token: string;
    try {
      token = await options.tokens.token();
    } catch (error: unknown) {
      if (!(error instanceof TokenError)) throw error;
      const kind = error.status === 0 || error.status >= 500 ? 'unavailable' : 'unauthorised';
      return {
        ok: false,
        failure: {
          kind,
          status: error.status,
          code: null,
          message: error.message,
          retryAfterMs: null,
        },
      };
    }
    await options.pacer.wait(method, path);
    try {
      const response = await fetch(`${options.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (response.ok) {
        const text = await response.text();
        return {
          ok: true,
          status: response.status,
          body: text === '' ? null : (JSON.parse(text) as unknown),
        };
      }
      return { ok: false, failure: await failureOf(response) };
    } catch (error: unknown) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return {
        ok: false,
        failure: {
          kind: timedOut ? 'timeout' : 'unavailable',
          status: 0,
          code: null,
          message: timedOut
            ? `Graph did not answer ${method} ${path} within ${options.timeoutMs} ms.`
            : `Graph could not be reached: ${error instanceof Error ? error.message : String(error)}`,
          retryAfterMs: null,
        },
      };
    }
  }

  async function call(method: string, path: string, body?: unknown): Promise<GraphResponse> {
    let renewed = false;
    for (let attempt = 0; ; attempt += 1) {
      const result = await once(method, path, body);
      if (result.ok) return result;
      const { failure } = result;
      if (failure.kind === 'unauthorised' && failure.status === 401 && !renewed) {
        renewed = true;
        options.tokens.invalidate();
        continue;
      }
      if (!worthWaitingFor(failure) || attempt >= retries) return result;
      const wait = failure.retryAfterMs ?? Math.min(maxWaitMs, 500 * 2 ** attempt);
      if (wait > maxWaitMs) return result;
      await options.sleep(wait);
    }
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
