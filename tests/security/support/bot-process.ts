/**
 * The real server (restify, the CloudAdapter, the echo bot) in a process of its own, so a test
 * can measure that process's memory. Settings come from the environment (the test channel's
 * `botEnv()`); prints `listening <url>` once it answers, and stops on SIGTERM.
 */
import { createEchoBot } from '../../../src/server/echo-bot.js';
import { startBot } from '../../support/start-bot.js';

const env = Object.fromEntries(
  Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
);
const bot = await startBot({ env, bot: createEchoBot() });
process.stdout.write(`listening ${bot.url}\n`);
process.once('SIGTERM', () => {
  void bot.close().then(() => process.exit(0));
});
