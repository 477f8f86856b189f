/**
 * The built service (`node dist/main.js`, as `npm start` runs it) started for a benchmark, with
 * the settings given and nothing else from this process's environment, and stopped by its
 * process id. Benchmarks that measure the service as it runs in production use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BuiltServiceOptions {
  /** Settings for the service (PORT is chosen here). */
  readonly env: Readonly<Record<string, string>>;
  /** Options for node itself, before `dist/main.js`. */
  readonly nodeArgs?: readonly string[];
  /** Run under `/usr/bin/time -v`, where there is one, for its peak resident set. */
  readonly timed?: boolean;
  /** Open an IPC channel to the service (for a probe loaded with `--import`). */
  readonly ipc?: boolean;
}

export interface BuiltService {
  readonly url: string;
  /** Node's own process id (under `time -v`, not time's). */
  readonly pid: number;
  readonly process: ChildProcess;
  /**
   * What the service (and `time -v`) wrote so far. It goes to a file, not a pipe: a write to a
   * pipe this busy process has not drained would block the service's event loop.
   */
  output(): string;
  /** Stops node with SIGTERM and waits for it; returns everything written. Once only. */
  stop(): Promise<string>;
}

/** Starts `node dist/main.js` (build it first) and waits until `/healthz` answers 200. */
export async function startBuiltService(options: BuiltServiceOptions): Promise<BuiltService> {
  const port = 40_000 + Math.floor(Math.random() * 2_000);
  const timed = options.timed === true && existsSync('/usr/bin/time');
  const node = [
    process.execPath,
    ...(options.nodeArgs ?? []),
    '--disable-warning=DEP0111',
    'dist/main.js',
  ];
  const folder = await mkdtemp(join(tmpdir(), 'built-service-'));
  const logFile = join(folder, 'output.log');
  const log = openSync(logFile, 'a');
  const service = spawn(
    timed ? '/usr/bin/time' : node[0]!,
    timed ? ['-v', ...node] : node.slice(1),
    {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', ...options.env, PORT: String(port) },
      stdio: ['ignore', log, log, ...(options.ipc ? (['ipc'] as const) : [])],
    },
  );
  closeSync(log);
  const output = () => readFileSync(logFile, 'utf8');
  const exited = new Promise<void>((resolve) => service.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ;) {
    const answer = await fetch(`${url}/healthz`).catch(() => null);
    if (answer?.status === 200) break;
    if (Date.now() > deadline || service.exitCode !== null) {
      service.kill('SIGKILL');
      const written = output();
      await rm(folder, { recursive: true, force: true });
      throw new Error(`The built service did not start:\n${written}`);
    }
    await sleep(200);
  }
  // Under time -v the service is time's child: find node's own id.
  const pid = timed
    ? Number((await readFile(`/proc/${service.pid}/task/${service.pid}/children`, 'utf8')).trim())
    : (service.pid ?? NaN);
  let stopped: Promise<string> | undefined;
  const stop = async () => {
    // To node itself: time -v passes no signal on, and reports once its child has gone.
    if (service.exitCode === null) process.kill(pid, 'SIGTERM');
    await exited;
    const written = output();
    await rm(folder, { recursive: true, force: true });
    return written;
  };
  return {
    url,
    pid,
    process: service,
    output,
    stop: () => (stopped ??= stop()),
  };
}
