import type { TurnContext } from 'botbuilder';
import { closestMatches } from '../app/suggestions.js';
import { renderMessageCard } from '../cards/message.card.js';
import type { BotDependencies } from './bot-dependencies.js';
import type { Command, CommandReply } from './commands/command.js';
import { commands } from './commands/index.js';
import { commandTextOf, MAX_COMMAND_TEXT, parseCommand } from './message-text.js';
import type { Sender } from './sender.js';

function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Reads the typed command and runs its handler; anything else gets a helpful answer. */
export async function routeCommand(
  turn: TurnContext,
  sender: Sender,
  deps: BotDependencies,
): Promise<CommandReply> {
  const text = commandTextOf(turn.activity);
  if (text.length > MAX_COMMAND_TEXT) {
    return renderMessageCard({
      title: 'That message is too long for me',
      lines: [
        `It is ${Math.round(text.length / 1024)} KB; I read short commands such as /status or /mine.`,
        'Type /help to see them all.',
      ],
    });
  }
  const parsed = parseCommand(text);
  if (parsed.name === '') {
    return renderMessageCard({
      title: 'I did not catch a command',
      lines: ['Type /help to see what I can do.'],
    });
  }
  const command = findCommand(parsed.name);
  const visible = commands.filter((c) => !c.adminOnly || sender.isAdmin);
  if (!command || (command.adminOnly && !sender.isAdmin)) {
    const near = closestMatches(
      parsed.name,
      visible.map((c) => c.name),
    );
    return renderMessageCard({
      title: `I do not know the command "${parsed.name}"`,
      lines: [
        ...(near.length > 0 ? [`Did you mean ${near.map((n) => `/${n}`).join(' or ')}?`] : []),
        'Type /help to see what I can do.',
      ],
    });
  }
  return command.handle({ turn, args: parsed.args, sender, deps, commands: visible });
}
