import { renderMessageCard } from '../../cards/message.card.js';
import type { Command } from './command.js';

const REASON = {
  'not-installed': 'has not installed the app, so the bot cannot start a chat with them',
  blocked: 'blocked or removed the bot (Teams refused the message)',
} as const;

/** For admins: who the scheduler could not reach, and why, so someone can follow it up. */
export const unreachableCommand: Command = {
  name: 'unreachable',
  usage: '/unreachable',
  summary: 'People the bot could not send prompts to, and why.',
  adminOnly: true,
  async handle({ deps }) {
    const people = await deps.people.listUnreachable();
    if (people.length === 0) {
      return renderMessageCard({
        title: 'Everyone can be reached',
        lines: ['Every prompt so far reached its owner.'],
      });
    }
    return renderMessageCard({
      title: `${people.length} ${people.length === 1 ? 'person' : 'people'} could not be reached`,
      lines: [
        ...people.map((p) =>
          p.unreachable
            ? `${p.email} ${REASON[p.unreachable.reason]} (since ${p.unreachable.since.slice(0, 10)}).`
            : p.email,
        ),
        'Ask them to install Action Tracker in Teams (or unblock it); the next prompt then reaches them.',
      ],
    });
  },
};
