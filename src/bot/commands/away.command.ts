import { formatDateWithDay } from '../../domain/dates.js';
import { localDateOf } from '../../domain/calendar.js';
import { DEFAULT_TIME_ZONE } from '../../domain/programme.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';
import { unknownSenderCard } from './away-replies.js';

export const awayCommand: Command = {
  name: 'away',
  programmeScoped: true,
  usage: '/away until 20 Jan',
  summary: 'While you are away, your prompts go to your deputy.',
  async handle({ turn, deps, args }) {
    const { sender } = turn;
    if (sender.email === null) return unknownSenderCard();
    const programme = await programmeOfTurn(turn);
    const today = localDateOf(deps.clock.now(), programme?.timeZone ?? DEFAULT_TIME_ZONE);
    if (args.length === 0) {
      return renderMessageCard({
        title: 'Until when will you be away?',
        lines: ['Type the last day you are away, for example /away until 20 Jan.'],
      });
    }
    const outcome = await deps.away.markAway(sender.email, args, today);
    if (!outcome.ok) {
      return renderMessageCard({
        title:
          outcome.code === 'AWAY_DATE_PAST'
            ? `${formatDateWithDay(outcome.until)} has already passed`
            : `I could not read "${outcome.text}" as a date`,
        lines: [
          'Type the last day you are away, for example /away until 20 Jan or /away until 2021-01-20.',
        ],
      });
    }
    const covered = outcome.cover.filter((c) => c.deputy !== null);
    const uncovered = outcome.cover.filter((c) => c.deputy === null).map((c) => c.role);
    return renderMessageCard({
      title: `You are away until ${formatDateWithDay(outcome.until)}`,
      lines: [
        ...covered.map((c) => `Prompts for ${c.role} go to ${c.deputy ?? ''} until then.`),
        ...(uncovered.length > 0
          ? [
              `${uncovered.join(', ')} ${uncovered.length === 1 ? 'has' : 'have'} no deputy, so ${uncovered.length === 1 ? 'its' : 'their'} prompts still come to you. Ask your programme admin to name a deputy.`,
            ]
          : []),
        ...(outcome.cover.length === 0
          ? ['You hold no role, so no prompts come to you anyway.']
          : []),
        'Type /back if you return early.',
      ],
    });
  },
};
