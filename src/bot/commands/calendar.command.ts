import { createCalendarUseCase } from '../../app/admin/calendar.use-case.js';
import { formatDate } from '../../domain/dates.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { actorOf, adminFailureCard, directoryOf, programmeOf } from '../admin/admin-context.js';
import type { Command } from './command.js';

/** `/calendar`: the reporting periods with their closing dates and board meetings. */
export const calendarCommand: Command = {
  name: 'calendar',
  usage: '/calendar',
  summary: 'The reporting periods: when each closes and when the board meets.',
  adminOnly: true,
  refuseOthersPolitely: true,
  async handle({ turn, args, sender, deps }) {
    const programme = await programmeOf(turn, sender, deps, args.join(' '));
    if (!programme.ok) return programme.card;
    const calendar = createCalendarUseCase({ directory: directoryOf(deps), ...deps });
    const result = await calendar.show(actorOf(sender), programme.programmeId);
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
          return `**${period.id}**${open}: closes ${formatDate(period.closes)}; ${board}.`;
        }),
        'To change the calendar, edit the Calendar sheet of the plan workbook and send it to me again.',
      ],
    });
  },
};
