import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../src/store/embedded-azurite.js';

/**
 * Starts a throw-away Azurite table service on a free loopback port, data in memory; `stop`
 * ends the process by id and removes its folder.
 */
export async function startTestAzurite(): Promise<EmbeddedAzurite> {
  const location = await mkdtemp(join(tmpdir(), 'azurite-test-'));
  const azurite = await startEmbeddedAzurite({ location, inMemory: true });
  return {
    ...azurite,
    async stop() {
      await azurite.stop();
      await rm(location, { recursive: true, force: true });
    },
  };
}

let files = 0;

/** A table prefix no other test file or run uses, so files can share one Azurite. */
export function uniqueTablePrefix(tag: string): string {
  files += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `t${tag}${process.pid}${files}${random}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 30);
}
