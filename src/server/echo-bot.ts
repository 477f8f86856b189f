import { ActivityHandler, type Activity } from 'botbuilder';

/** Longest echo: enough to see what arrived without flooding the chat. */
const ECHO_LIMIT = 200;

/**
 * A bot that repeats what it is told. The server's own tests and the benchmark's baseline use
 * it, and `main.ts` falls back to it only while no Teams bot is wired in.
 */
export function createEchoBot(): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const text = (context.activity.text ?? '').trim();
    const reply =
      text.length <= ECHO_LIMIT
        ? `You said: ${text}`
        : `You said: ${text.slice(0, ECHO_LIMIT)}… (that message was ${text.length.toLocaleString('en-GB')} characters long; I only repeat the first ${ECHO_LIMIT})`;
    await context.sendActivity(reply);
    await next();
  });
  return bot;
}

/**
 * The benchmark's floor for a command: for every message, waits for `answer` (which makes the
 * storage reads the command makes and gives the reply the command sent) and sends that reply,
 * with none of the bot's own work around it. What is left between the command and its floor
 * is the bot's; what is between the floor and the echo, any way of answering with those reads
 * and that reply pays.
 */
export function createFloorBot(answer: () => Promise<Partial<Activity>>): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(await answer());
    await next();
  });
  return bot;
}
