/**
 * `npm run chat`: talk to the bot in a terminal, without Teams. Starts the bot as `npm start`
 * does (embedded Azurite, no app id so no authentication, loopback only) with the sample plan
 * loaded, plays Teams' Connector on loopback to receive the replies, and prints cards as text.
 *
 *   npm run chat                                 as the first role holder in the sample plan
 *   npm run chat -- --as dco@ccg.example         as someone else
 *   npm run chat -- --scope channel              as if in a Teams channel (@mention added)
 *   npm run chat -- --today now                  the real date (the sample plan ended in 2021)
 */
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../src/app/clock.js';
import { createLoggerFromEnv } from '../src/server/logger.js';
import { startApp } from '../src/server/start-app.js';
import type { TestScope } from '../tests/support/test-channel/test-channel.js';
import { runChatSession } from './chat/chat-session.js';
import { noSendMetrics } from '../src/scheduler/send-metrics.js';

/**
 * The sample plan's reporting calendar ends in 2021, so by default the chat lives on a day
 * when its April 2021 period is open: /update then has a period to record against.
 */
const SAMPLE_TODAY = '2021-04-12T10:00:00Z';

/** A clock that starts at `start` and runs at the normal pace. */
function clockFrom(start: string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  if (Number.isNaN(offset))
    throw new Error(`--today must be a date like 2021-04-12 or "now"; "${start}" is not.`);
  return { now: () => new Date(Date.now() + offset) };
}

/** Settings that would make the bot demand Teams tokens, which a terminal cannot give. */
const TEAMS_SETTINGS = /^(Microsoft|ToBot|ToChannel|OAuthUrl$|CallerId$)/;

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      as: { type: 'string' },
      scope: { type: 'string', default: 'personal' },
      today: { type: 'string', default: SAMPLE_TODAY },
    },
  });
  const scopes: readonly string[] = ['personal', 'groupChat', 'channel'];
  if (!scopes.includes(args.scope)) {
    throw new Error(`--scope must be one of ${scopes.join(', ')}; "${args.scope}" is not.`);
  }
  // Its own Azurite folder, so a chat never shares data files with a running `npm start`;
  // no scheduler, whose prompts would go to Teams conversations that are not there.
  const env: Record<string, string | undefined> = {
    AZURITE_LOCATION: '.data/chat-azurite',
    SCHEDULER: 'off',
    ...process.env,
    PORT: '0',
  };
  for (const name of Object.keys(env)) if (TEAMS_SETTINGS.test(name)) delete env[name];

  process.stdout.write('Starting the bot and its storage (the first start takes a few seconds)…\n');
  const clock = args.today === 'now' ? systemClock : clockFrom(args.today);
  const app = await startApp({
    metrics: noSendMetrics,
    env,
    clock,
    logger: createLoggerFromEnv(env, { format: 'readable', level: 'warn' }),
  });
  process.stdout.write(
    `Today is ${clock.now().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} in this chat${args.today === 'now' ? '' : " (the sample plan's world; --today now for the real date)"}.\n`,
  );
  try {
    await runChatSession({
      app,
      env,
      scope: args.scope as TestScope,
      ...(args.as === undefined ? {} : { email: args.as }),
    });
  } finally {
    process.stdout.write('Stopping the bot and its storage…\n');
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
