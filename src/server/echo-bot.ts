import { ActivityHandler } from 'botbuilder';

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
