import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

/** Azurite's well-known development account; it only ever listens on loopback here. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzuriteOptions {
  /** Folder Azurite keeps its data in (or, when `inMemory`, works in); created if missing. */
  readonly location: string;
  /** Keep nothing on disk (tests). */
  readonly inMemory?: boolean;
  /** Port to listen on; a free one is chosen when absent or 0. */
  readonly port?: number;
  /** How long to wait for the table service to answer. Default 30 s. */
  readonly startTimeoutMs?: number;
}

export interface EmbeddedAzurite {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly connectionString: string;
  /**
   * Stops the process by its id: SIGINT (Azurite saves its data), then SIGTERM, then SIGKILL
   * for a process that will not go.
   */
  stop(): Promise<void>;
}

export function azuriteConnectionString(host: string, port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
    `TableEndpoint=http://${host}:${port}/${ACCOUNT};`
  );
}

/** Starts Azurite's table service (only) on loopback and waits until it answers. */
export async function startEmbeddedAzurite(
  options: EmbeddedAzuriteOptions,
): Promise<EmbeddedAzurite> {
  const host = '127.0.0.1';
  const port = options.port !== undefined && options.port > 0 ? options.port : await freePort(host);
  await mkdir(options.location, { recursive: true });
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  const args = [
    main,
    ...['--tableHost', host, '--tablePort', String(port)],
    ...['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent'],
    // Azurite refuses a location with in-memory data; it then works in its current folder.
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', options.location]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.location,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = keepTail(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = () => stopProcess(child, exited);
  try {
    await waitUntilAnswering(host, port, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw new Error(
      `Azurite did not start on ${host}:${port}: ${(error as Error).message}\n${output()}`,
      { cause: error },
    );
  }
  if (child.pid === undefined) throw new Error('Azurite started without a process id.');
  return {
    host,
    port,
    pid: child.pid,
    connectionString: azuriteConnectionString(host, port),
    stop,
  };
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last few KB of what Azurite printed, to explain a failed start. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

async function waitUntilAnswering(
  host: string,
  port: number,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the process exited with code ${String(gone)}`);
    try {
      // Any HTTP answer (even 4xx for an unsigned request) means the service is up.
      await fetch(`http://${host}:${port}/${ACCOUNT}/Tables`, {
        signal: AbortSignal.timeout(1_000),
      });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms (${String(lastError)})`);
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return;
  // Azurite saves its data and exits on SIGINT only; SIGTERM would lose the last seconds.
  for (const [signal, waitMs] of [
    ['SIGINT', 10_000],
    ['SIGTERM', 3_000],
  ] as const) {
    process.kill(pid, signal);
    if (await exitsWithin(exited, waitMs)) return;
  }
  process.kill(pid, 'SIGKILL');
  await exited;
}

async function exitsWithin(exited: Promise<number | null>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  return outcome !== 'late';
}
