import { userInfo } from 'node:os';
import { parseAdminList } from '../src/app/admin/admin-directory.js';
import { systemClock } from '../src/app/clock.js';
import { openStore } from '../src/store/open-store.js';
import { runAdmin } from './admin/run-admin.js';
import { runCli } from './run-cli.js';

/**
 * `npm run admin -- <verb> …`: programme admin from a terminal, on the storage the bot uses
 * (the same settings). See scripts/admin/admin-words.ts for the verbs.
 */
async function main(): Promise<number> {
  const storage = await openStore(process.env, {
    // Storage chatter would bury the answer; only warnings are worth a line here.
    info: () => undefined,
    warn: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    const { store } = storage;
    return await runAdmin(process.argv.slice(2), {
      store,
      admins: store.admins,
      links: store.links,
      configuredAdmins: parseAdminList(process.env['ADMINS']),
      clock: systemClock,
      user: userInfo().username,
      out: (line) => process.stdout.write(`${line}\n`),
    });
  } finally {
    await storage.close();
  }
}

runCli(main);
