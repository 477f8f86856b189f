import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueTablePrefix } from '../support/azurite.js';
import { errorLines, freePort, healthOnceUp, spawnNode } from '../support/service-process.js';

interface Envelope {
  readonly name?: string;
  readonly data?: { readonly baseType?: string; readonly baseData?: Record<string, unknown> };
}

/** A self-signed certificate for 127.0.0.1, which the service is told to trust. */
async function certificate(folder: string): Promise<{ key: string; cert: string; path: string }> {
  const made = spawnSync('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
    ...['-addext', 'subjectAltName=IP:127.0.0.1'],
    ...['-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')],
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  return {
    key: await readFile(join(folder, 'key.pem'), 'utf8'),
    cert: await readFile(join(folder, 'cert.pem'), 'utf8'),
    path: join(folder, 'cert.pem'),
  };
}

/**
 * Plays Application Insights' ingestion endpoint over https, as the exporter requires
 * (`POST /v2.1/track`, a JSON array of envelopes, answered 200 with counts as the service
 * answers), and keeps what arrives.
 */
async function startIngestion(tls: {
  key: string;
  cert: string;
}): Promise<{ url: string; received: Envelope[]; server: Server }> {
  const received: Envelope[] = [];
  const server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const text = body.toString('utf8').trim();
      const items = text.startsWith('[')
        ? (JSON.parse(text) as Envelope[])
        : text.split('\n').map((line) => JSON.parse(line) as Envelope);
      if (req.url?.includes('/track')) received.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `https://127.0.0.1:${port}/`, received, server };
}

describe('telemetry', () => {
  let ingestion: Awaited<ReturnType<typeof startIngestion>>;
  let folder: string;
  let certPath: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'telemetry-'));
    const tls = await certificate(folder);
    certPath = tls.path;
    ingestion = await startIngestion(tls);
  });
  afterAll(async () => {
    await new Promise((resolve) => ingestion.server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it('sends incoming requests and storage calls to Application Insights when a connection string is set, and flushes on a clean stop', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const service = spawnNode({
      env: {
        PORT: String(port),
        AZURE_STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
        TABLE_PREFIX: uniqueTablePrefix('otel'),
        SCHEDULER: 'off',
        LOG_FORMAT: 'json',
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${ingestion.url}`,
        // Statsbeat reports to Microsoft's own endpoint, which a test must not reach.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        // The exporter keeps 5 traces a second by default; the storage calls of a start use
        // that up, so which /healthz survives would depend on the machine's speed.
        OTEL_TRACES_SAMPLER: 'always_on',
        NODE_EXTRA_CA_CERTS: certPath,
      },
    });
    try {
      expect((await healthOnceUp(url, service)).status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      process.kill(service.pid, 'SIGTERM');
      expect(await service.exited).toBe(0);
      expect(errorLines(service.output())).toEqual([]);
      expect(service.output()).toContain(
        'Telemetry: sending traces and metrics to Application Insights.',
      );

      const requests = ingestion.received.filter((e) => e.data?.baseType === 'RequestData');
      expect(requests.map((e) => e.data?.baseData?.['url'])).toContain(`${url}/healthz`);
      expect(
        requests.find((e) => String(e.data?.baseData?.['url']).endsWith('/healthz'))?.data
          ?.baseData,
      ).toMatchObject({ responseCode: '200', success: true });
      const dependencies = ingestion.received.filter(
        (e) => e.data?.baseType === 'RemoteDependencyData',
      );
      expect(dependencies.length).toBeGreaterThan(0);
    } finally {
      service.kill();
    }
  }, 240_000);
});
