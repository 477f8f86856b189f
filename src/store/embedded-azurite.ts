import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Azurite's well-known development account; it only ever listens on loopback here. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** What Azurite prints goes here, in its data folder, not to a pipe that dies with us. */
export const AZURITE_LOG_FILE = 'azurite.log';

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

/** Thrown when storage would be the emulator but the emulator is not installed. */
export class AzuriteMissingError extends Error {
  constructor() {
    super(
      'No storage is configured, and Azurite (the local storage emulator) is not installed: a production install (npm ci --omit=dev) leaves it out. ' +
        'Set AZURE_STORAGE_ACCOUNT_URL (with a managed identity) or AZURE_STORAGE_CONNECTION_STRING to use Azure Table storage, ' +
        'or run `npm ci` (with the development packages) to run locally on Azurite.',
    );
    this.name = 'AzuriteMissingError';
  }
}

/**
 * Azurite's entry point, through a few lines that run first in the child: the child leaves on
 * its own (saving its data) when the process that started it goes, even by SIGKILL, because its
 * IPC channel then closes. Its own SIGINT handler saves and closes; ours lets go of the channel
 * so nothing else keeps it alive.
 */
const CHILD_ENTRY = `
import { pathToFileURL } from 'node:url';
const [main, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], main, ...args];
let closing = false;
process.on('SIGINT', () => {
  closing = true;
  if (process.connected) process.disconnect();
});
process.on('disconnect', () => {
  if (!closing) process.kill(process.pid, 'SIGINT');
});
await import(pathToFileURL(main).href);
`;

function azuriteMain(): string {
  try {
    return createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new AzuriteMissingError();
    }
    throw error;
  }
}

/**
 * Starts Azurite's table service (only) on loopback and waits until it answers. It runs in its
 * own process group, so a Ctrl+C meant for the bot does not stop storage before the bot has
 * finished with it; the bot stops it last.
 */
export async function startEmbeddedAzurite(
  options: EmbeddedAzuriteOptions,
): Promise<EmbeddedAzurite> {
  const host = '127.0.0.1';
  const main = azuriteMain();
  const port = options.port !== undefined && options.port > 0 ? options.port : await freePort(host);
  await mkdir(options.location, { recursive: true });
  const args = [
    main,
    ...['--tableHost', host, '--tablePort', String(port)],
    ...['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent'],
    // Azurite refuses a location with in-memory data; it then works in its current folder.
    ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', options.location]),
  ];
  const logPath = join(options.location, AZURITE_LOG_FILE);
  const log = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_ENTRY, ...args], {
      cwd: options.location,
      detached: true,
      stdio: ['ignore', log, log, 'ipc'],
    });
  } finally {
    closeSync(log);
  }
  // Neither the channel nor the process may keep the bot alive; it stops Azurite itself.
  child.unref();
  child.channel?.unref();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = () => stopProcess(child, exited);
  try {
    await waitUntilAnswering(host, port, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    const output = await readFile(logPath, 'utf8').catch(() => '');
    throw new Error(
      `Azurite did not start on ${host}:${port}: ${(error as Error).message}\n${output.slice(-4_000)}`,
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

/** True when Azurite's table service gives any HTTP answer on that address. */
export async function azuriteAnswers(
  host: string,
  port: number,
  timeoutMs = 1_000,
): Promise<boolean> {
  try {
    // Any HTTP answer (even 4xx for an unsigned request) means the service is up.
    await fetch(`http://${host}:${port}/${ACCOUNT}/Tables`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
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
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the process exited with code ${String(gone)}`);
    if (await azuriteAnswers(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
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
