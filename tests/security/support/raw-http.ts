import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGzip } from 'node:zlib';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** POSTs bytes exactly as given (no fetch niceties), and reads the answer. */
export function rawPost(
  url: string,
  headers: Record<string, string>,
  body: Uint8Array,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * A body that starts a request and then stops sending: `declaredBytes` promised, `sentBytes`
 * sent. `ended` resolves with the answer, or with `closed` when the server hung up.
 */
export function stalledPost(
  url: string,
  headers: Record<string, string>,
  declaredBytes: number,
  sentBytes: number,
): { readonly ended: Promise<RawAnswer | 'closed'>; abort(): void } {
  let abort = (): void => undefined;
  const ended = new Promise<RawAnswer | 'closed'>((resolve) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(declaredBytes) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.once('error', () => resolve('closed'));
      },
    );
    req.once('error', () => resolve('closed'));
    req.once('close', () => setTimeout(() => resolve('closed'), 50));
    req.write(Buffer.alloc(sentBytes, 0x20));
    abort = () => req.destroy();
  });
  return { ended, abort: () => abort() };
}

/**
 * A gzip body about `compressedKiB` long that inflates to roughly a thousand times that: a
 * JSON activity whose text is spaces. Built by streaming, so the test never holds the inflated
 * form either.
 */
export async function gzipBomb(compressedKiB: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve) => gzip.once('end', resolve));
  gzip.write('{"type":"message","text":"');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  // Level 9 deflate packs a run of one byte about 1,030 to 1.
  const megabytes = Math.round((compressedKiB * 1030) / 1024);
  for (let i = 0; i < megabytes; i += 1) {
    if (!gzip.write(spaces)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end('"}');
  await done;
  return Buffer.concat(out);
}

/** Resident memory of a process, in MB, as Linux reports it. */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1] ?? Number.NaN);
  if (!Number.isFinite(kib)) throw new Error(`No VmRSS for process ${pid}`);
  return kib / 1024;
}
