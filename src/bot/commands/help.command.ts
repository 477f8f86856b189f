import { renderHelpCard } from '../../cards/help.card.js';
import type { Command } from './command.js';

export const helpCommand: Command = {
  name: 'help',
  aliases: ['?', 'hello', 'hi'],
  usage: '/help',
  summary: 'This list.',
  handle: ({ commands, turn }) =>
    Promise.resolve(
      renderHelpCard({
        commands: commands.filter((c) => !c.adminOnly || turn.sender.isAdmin),
      }),
    ),
};
