import { todayFor } from '../../app/reporting-day.js';
import { renderActionListCard } from '../../cards/action-list.card.js';
import { formatDate } from '../../domain/dates.js';
import { listReply } from '../list-reply.js';
import { noProgrammeCard, reportUrlOf } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';

export const overdueCommand: Command = {
  name: 'overdue',
  programmeScoped: true,
  usage: '/overdue',
  summary: 'Actions past their (revised) due date that are not yet Blue, longest overdue first.',
  async handle({ turn, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const today = todayFor(programme, deps.clock);
    const { actions } = await deps.overdue.list(programme, today);
    const elsewhere = {
      where:
        'the Dashboard tab lists every action with its due date, and the full report has them all',
      url: reportUrlOf(deps, programme, today),
    };
    return listReply(actions, elsewhere, (shown, more) =>
      renderActionListCard({
        title: `Overdue: ${actions.length} ${actions.length === 1 ? 'action' : 'actions'}`,
        subtitle: `${programme.name} · as at ${formatDate(today)}`,
        actions: shown,
        empty: 'Nothing is overdue.',
        hint: 'Type /status and an action reference for its steps and notes.',
        ...(more ? { more } : {}),
      }),
    );
  },
};
