import type { TurnContext } from 'botbuilder';
import { ActionTrackerBot } from './action-tracker-bot.js';
import type { BotDependencies } from './bot-dependencies.js';

export type { BotDependencies as CreateBotOptions } from './bot-dependencies.js';

/** What the server needs from the bot: one turn at a time. */
export interface Bot {
  run(turn: TurnContext): Promise<void>;
}

/** Builds the Teams bot; the server passes each authenticated turn to `run`. */
export function createBot(options: BotDependencies): Bot {
  return new ActionTrackerBot(options);
}
