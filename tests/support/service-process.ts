import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<number | null>;
  output(): string;
  /** Kills it (and, when it leads its own group, the group) if it is still running. */
  kill(): void;
}

export interface SpawnOptions {
  /** Node arguments: the script and its own arguments. Default the service from source. */
  readonly args?: readonly string[];
  /** Settings; PATH and HOME are passed through, nothing else from this process. */
  readonly env: Readonly<Record<string, string>>;
  /** In a process group of its own, as systemd and Docker run it. */
  readonly detached?: boolean;
  readonly cwd?: string;
}

/** Starts a Node process (the service by default, from its TypeScript) and keeps its output. */
export function spawnNode(options: SpawnOptions): ServiceProcess {
  // The service as `npm start` runs it, restify's deprecation notice silenced the same way.
  const args = options.args ?? ['--disable-warning=DEP0111', '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('The process did not start.');
  const pid = child.pid;
  return {
    child,
    pid,
    exited,
    output: () => output,
    kill: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(options.detached ? -pid : pid, 'SIGKILL');
    },
  };
}

/** Waits until `url` answers /healthz (any status), or fails with the process's output. */
export async function healthOnceUp(url: string, started: ServiceProcess): Promise<Response> {
  // Generous: a start under a loaded two-core CI machine has taken over a minute.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (started.child.exitCode !== null) {
      throw new Error(`The service exited with ${started.child.exitCode}:\n${started.output()}`);
    }
    try {
      return await fetch(`${url}/healthz`);
    } catch (error: unknown) {
      if (Date.now() > deadline) {
        throw new Error(`The service did not answer: ${String(error)}\n${started.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The process's ERROR lines, in either log format. */
export function errorLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /"level":"error"/.test(line) || /^\S+ ERROR /.test(line));
}
