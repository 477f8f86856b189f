import type { Next, Request, Response } from 'restify';

/**
 * What the server accepts before it knows who is calling. Everything here is cheap: no
 * inflating, no body larger than the limit held in memory, no connection held open by a slow
 * sender for longer than Teams itself would wait for an answer.
 */
export const REQUEST_LIMITS = {
  /** Teams activities are small; a card submit with long notes stays well under this. */
  maxBodyBytes: 256 * 1024,
  /** Teams sends its headers at once; a sender that dribbles them is not Teams. */
  headersTimeoutMs: 10_000,
  /** Teams gives up on a bot after 15 s, so a request still arriving after that is not one. */
  requestTimeoutMs: 15_000,
  /** How often Node looks for requests past those timeouts (its default is 30 s). */
  timeoutCheckIntervalMs: 1_000,
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
} as const;

function refuse(res: Response, status: number, code: string, message: string): void {
  // The rest of the body is not read: closing tells the sender to stop sending it.
  res.setHeader('Connection', 'close');
  res.send(status, { error: { code, message } });
}

/**
 * Refuses compressed bodies before reading a byte of them: a small gzip body can inflate to
 * hundreds of megabytes, and nothing may cost that much before the token is checked. Teams
 * never compresses what it sends to a bot.
 */
export function refuseContentEncoding(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    refuse(
      res,
      415,
      'UNSUPPORTED_ENCODING',
      'Compressed request bodies are not accepted; send the body without Content-Encoding.',
    );
    return next(false);
  }
  return next();
}

/**
 * Keeps at most `limit` bytes of the body; null once it is longer. The rest is read and
 * dropped, so the sender can finish and see the answer, and the request timeout still ends it.
 */
function readCapped(req: Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        chunks = [];
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('The sender closed the connection mid-body.')));
  });
}

/**
 * The messages endpoint's body parser: JSON only, at most `maxBodyBytes`, decided by the
 * declared length when there is one and by counting when there is not.
 */
export function createJsonBody(
  maxBodyBytes: number = REQUEST_LIMITS.maxBodyBytes,
): (req: Request, res: Response, next: Next) => void {
  const tooLarge = `The request body is larger than ${maxBodyBytes / 1024} KB; Teams activities are much smaller.`;
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      refuse(res, 413, 'BODY_TOO_LARGE', tooLarge);
      return next(false);
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      refuse(res, 415, 'NOT_JSON', 'The request body must be sent as application/json.');
      return next(false);
    }
    readCapped(req, maxBodyBytes).then(
      (bytes) => {
        if (bytes === null) {
          refuse(res, 413, 'BODY_TOO_LARGE', tooLarge);
          return next(false);
        }
        try {
          req.body =
            bytes.length === 0 ? undefined : (JSON.parse(bytes.toString('utf8')) as unknown);
        } catch (error: unknown) {
          const reason = error instanceof Error ? error.message : String(error);
          res.send(400, { error: { code: 'BAD_JSON', message: `Invalid JSON: ${reason}` } });
          return next(false);
        }
        return next();
      },
      () => {
        // The sender went away; there is nobody to answer.
        res.destroy();
        return next(false);
      },
    );
  };
}
