import { formatDate } from '../../domain/dates.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { boldThen } from '../../cards/plain-text.js';
import { actorOf, adminFailureCard, programmeOf } from '../admin/admin-replies.js';
import type { Command } from './command.js';

/** `/calendar`: the reporting periods with their closing dates and board meetings. */
export const calendarCommand: Command = {
  name: 'calendar',
  usage: '/calendar',
  summary: 'The reporting periods: when each closes and when the board meets.',
  adminOnly: true,
  refuseOthersPolitely: true,
  async handle({ turn, args, deps }) {
    const programme = await programmeOf(turn, args.join(' '));
    if (!programme.ok) return programme.card;
    const result = await deps.calendar.show(actorOf(turn.sender), programme.programmeId);
    if (!result.ok) return adminFailureCard(result.code);
    const view = result.value;
    return renderMessageCard({
      title: `Reporting calendar: ${view.programmeName}`,
      lines: [
        ...view.periods.map((period) => {
          const board = period.boardMeeting
            ? `board meets ${formatDate(period.boardMeeting)}`
            : 'no board meeting set';
          const open = period.id === view.currentPeriodId ? ' (open now)' : '';
          return boldThen(period.id, `${open}: closes ${formatDate(period.closes)}; ${board}.`);
        }),
        'To change the calendar, edit the Calendar sheet of the plan workbook and send it to me again.',
      ],
    });
  },
};
