import { formatDateWithDay } from '../../domain/dates.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { Command } from './command.js';
import { unknownSenderCard } from './away-replies.js';

export const backCommand: Command = {
  name: 'back',
  usage: '/back',
  summary: 'You are back: your prompts come to you again.',
  async handle({ turn, deps }) {
    if (turn.sender.email === null) return unknownSenderCard();
    const was = await deps.away.markBack(turn.sender.email);
    return renderMessageCard({
      title: 'Welcome back',
      lines: [
        was === null
          ? 'You were not marked away; your prompts already come to you.'
          : `You were marked away until ${formatDateWithDay(was)}; your prompts come to you again from now.`,
      ],
    });
  },
};
