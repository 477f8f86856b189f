import { todayFor } from '../../app/reporting-day.js';
import { renderMineCard } from '../../cards/mine.card.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { noProgrammeCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';

export const mineCommand: Command = {
  name: 'mine',
  programmeScoped: true,
  aliases: ['my'],
  usage: '/mine',
  summary:
    'What you still need to answer this period and by when, with Update buttons, then the rest of your actions.',
  async handle({ turn, deps }) {
    const { sender } = turn;
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    if (sender.email === null) {
      return renderMessageCard({
        title: 'I do not know who you are yet',
        lines: [
          'Teams did not tell me your email address, so I cannot match you to a role.',
          'Try again in a minute; if it keeps happening, ask your programme admin.',
        ],
      });
    }
    // The roles the read rule read for this turn, when it resolved the programme.
    const answer = await turn.programme();
    const today = todayFor(programme, deps.clock);
    const mine = answer.ok
      ? await deps.mine.listForRoles(programme, await answer.senderRoles(), today)
      : await deps.mine.list(programme, sender.email, today);
    const roles = mine.roles.map((r) => (r.as === 'deputy' ? `${r.code} (deputy)` : r.code));
    return renderMineCard({
      mine,
      subtitle:
        roles.length > 0
          ? `${programme.name} · your roles: ${roles.join(', ')}`
          : `${programme.name} · ${sender.email} holds no role`,
      empty:
        roles.length > 0
          ? 'Your roles own no actions.'
          : 'You hold no role in this programme. If you should, ask your programme admin to assign you one.',
    });
  },
};
