import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the Connector accepted (2xx), as the front saw it. */
export interface Delivery {
  readonly conversationId: string;
  readonly outboxMessageId: string | null;
}

/**
 * A front for the local test channel that adds what the real Teams Connector lacks: looking
 * an activity up by the client id the bot put in `channelData.outboxMessageId`
 * (`GET /v3/conversations/{id}/activities/{clientId}`). Every other call, faults included,
 * is the test channel's; this front only forwards it and remembers what was accepted.
 */
export interface LookupConnector {
  /** Point conversation references here. */
  readonly serviceUrl: string;
  readonly deliveries: readonly Delivery[];
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function markerOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as { channelData?: { outboxMessageId?: unknown } };
    const marker = body.channelData?.outboxMessageId;
    return typeof marker === 'string' ? marker : null;
  } catch (error: unknown) {
    throw new Error(`The bot posted an activity that is not JSON: ${String(error)}`);
  }
}

const LOOKUP = /\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/;
const POST = /\/v3\/conversations\/([^/]+)\/activities\/?$/;

export async function startLookupConnector(channelServiceUrl: string): Promise<LookupConnector> {
  const target = new URL(channelServiceUrl);
  const deliveries: Delivery[] = [];
  const accepted = new Map<string, string>();

  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    (async () => {
      const url = new URL(req.url ?? '/', 'http://front');
      const text = await readBody(req);
      const lookup = LOOKUP.exec(url.pathname);
      if (req.method === 'GET' && lookup) {
        if (!req.headers.authorization) return reply(401, { error: { code: 'Unauthorized' } });
        const key = `${decodeURIComponent(lookup[1] ?? '')}|${decodeURIComponent(lookup[2] ?? '')}`;
        const id = accepted.get(key);
        return id === undefined
          ? reply(404, { error: { code: 'ActivityNotFound', message: 'No such activity.' } })
          : reply(200, { id });
      }
      const forwarded = await fetch(new URL(url.pathname + url.search, target.origin), {
        method: req.method ?? 'GET',
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/json',
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        },
        ...(text === '' ? {} : { body: text }),
      });
      const answer = await forwarded.text();
      const posted = POST.exec(url.pathname);
      if (req.method === 'POST' && posted && forwarded.ok) {
        const conversationId = decodeURIComponent(posted[1] ?? '');
        const marker = markerOf(text);
        deliveries.push({ conversationId, outboxMessageId: marker });
        const id = (JSON.parse(answer) as { id?: string }).id ?? '';
        if (marker !== null) accepted.set(`${conversationId}|${marker}`, id);
      }
      const retryAfter = forwarded.headers.get('retry-after');
      res.writeHead(forwarded.status, {
        'content-type': 'application/json',
        ...(retryAfter === null ? {} : { 'retry-after': retryAfter }),
      });
      res.end(answer);
      return undefined;
    })().catch((error: unknown) =>
      reply(500, { error: { code: 'FrontFailed', message: String(error) } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}${target.pathname}`,
    get deliveries() {
      return deliveries;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
