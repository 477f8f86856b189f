import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  azuriteAnswers,
  azuriteConnectionString,
  startEmbeddedAzurite,
} from './embedded-azurite.js';

/**
 * Names the Azurite that serves a data folder: who started it, its process and its port.
 * Azurite keeps a folder's data in memory and writes it back, so two emulators on one folder
 * would hide each other's writes and overwrite them; every process that wants the folder's
 * storage reads this file first and uses the one already running.
 */
export const LOCK_FILE = 'azurite.lock.json';

interface LockInfo {
  /** The process that started Azurite and will stop it. */
  readonly ownerPid: number;
  readonly startedAt: string;
  /** Set once Azurite answers. */
  readonly azuritePid?: number;
  readonly host?: string;
  readonly port?: number;
}

export interface SharedAzuriteOptions {
  /** The data folder. */
  readonly location: string;
  /** Port for a new Azurite; one already running keeps its own. */
  readonly port?: number;
  /** How long to wait for another process's Azurite to come up. Default 30 s. */
  readonly waitMs?: number;
}

export interface SharedAzurite {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly connectionString: string;
  /** True when this process started it (and so stops it); false when it was running. */
  readonly started: boolean;
  readonly ownerPid: number;
  /** Stops Azurite if this process started it; otherwise lets go of it. */
  close(): Promise<void>;
}

/** The folder's Azurite: the running one if there is one, otherwise one this process starts. */
export async function openSharedAzurite(options: SharedAzuriteOptions): Promise<SharedAzurite> {
  await mkdir(options.location, { recursive: true });
  const lockPath = join(options.location, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  let last: LockInfo | null = null;
  for (;;) {
    if (await claim(lockPath)) return startOwned(lockPath, options);
    const read = await readLock(lockPath);
    if (read !== 'partial') {
      last = read;
      const running = last === null ? null : await answering(last);
      if (running !== null) return running;
    }
    if (read === null || (read !== 'partial' && !isAlive(read.ownerPid))) {
      // Left by a process that has gone (a crash, a kill): the folder is free again.
      await unlink(lockPath).catch(ignoreMissing);
      continue;
    }
    if (Date.now() > deadline) throw busy(options.location, lockPath, last ?? undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function startOwned(lockPath: string, options: SharedAzuriteOptions): Promise<SharedAzurite> {
  const startedAt = new Date().toISOString();
  try {
    const azurite = await startEmbeddedAzurite({
      location: options.location,
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    const info: LockInfo = {
      ownerPid: process.pid,
      startedAt,
      azuritePid: azurite.pid,
      host: azurite.host,
      port: azurite.port,
    };
    // Written whole and renamed, so a reader never sees half a file.
    await writeFile(`${lockPath}.${process.pid}`, JSON.stringify(info));
    await rename(`${lockPath}.${process.pid}`, lockPath);
    let closed = false;
    return {
      ...azurite,
      started: true,
      ownerPid: process.pid,
      close: async () => {
        if (closed) return;
        closed = true;
        await azurite.stop();
        await unlink(lockPath).catch(ignoreMissing);
      },
    };
  } catch (error) {
    await unlink(lockPath).catch(ignoreMissing);
    throw error;
  }
}

/** Creates the lock file if there is none; false when another process holds it. */
async function claim(lockPath: string): Promise<boolean> {
  const info: LockInfo = { ownerPid: process.pid, startedAt: new Date().toISOString() };
  try {
    await writeFile(lockPath, JSON.stringify(info), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's content; null when there is none (or it is not a lock); 'partial' mid-write. */
async function readLock(lockPath: string): Promise<LockInfo | null | 'partial'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    ignoreMissing(error);
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.ownerPid !== 'number') return null;
    return parsed as LockInfo;
  } catch (error) {
    // Being written by a process that has just claimed it: give it a moment.
    if (error instanceof SyntaxError) return 'partial';
    throw error;
  }
}

async function answering(info: LockInfo): Promise<SharedAzurite | null> {
  const { host, port, azuritePid } = info;
  if (host === undefined || port === undefined || azuritePid === undefined) return null;
  if (!isAlive(azuritePid) || !(await azuriteAnswers(host, port))) return null;
  return {
    host,
    port,
    pid: azuritePid,
    connectionString: azuriteConnectionString(host, port),
    started: false,
    ownerPid: info.ownerPid,
    close: () => Promise.resolve(),
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

/** Another process holds the data folder and its storage does not answer. */
export class StorageInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageInUseError';
  }
}

function busy(location: string, lockPath: string, info: LockInfo | undefined): Error {
  const where = info?.port === undefined ? '' : ` (Azurite on port ${info.port})`;
  return new StorageInUseError(
    `The storage in ${location} belongs to process ${info?.ownerPid ?? 'unknown'}${where}, which is running but whose storage does not answer. ` +
      `Stop that process and start again, or set AZURITE_LOCATION to another folder. ` +
      `If no Action Tracker is running, delete ${lockPath}.`,
  );
}
