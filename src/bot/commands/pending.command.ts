import { renderPendingCard } from '../../cards/pending.card.js';
import { noProgrammeCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';

export const pendingCommand: Command = {
  name: 'pending',
  programmeScoped: true,
  usage: '/pending',
  summary: 'Requests for later due dates waiting for your decision.',
  async handle({ turn, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const [waiting, names] = await Promise.all([
      deps.revisions.pending(programme, turn.sender),
      deps.names.of(programme.id),
    ]);
    return renderPendingCard({
      programmeName: programme.name,
      names,
      requests: waiting.map((v) => ({ request: v.request, title: v.action.title })),
    });
  },
};
