import { renderMessageCard } from '../../cards/message.card.js';
import { boldThen } from '../../cards/plain-text.js';
import { actorOf, adminFailureCard, programmeOf } from '../admin/admin-replies.js';
import type { Command } from './command.js';

/** `/roles`: every role of the programme, who holds it and who deputises. */
export const rolesCommand: Command = {
  name: 'roles',
  usage: '/roles',
  summary: 'Every role of the programme with the person who holds it and their deputy.',
  adminOnly: true,
  refuseOthersPolitely: true,
  async handle({ turn, args, deps }) {
    const programme = await programmeOf(turn, args.join(' '));
    if (!programme.ok) return programme.card;
    const result = await deps.roles.list(actorOf(turn.sender), programme.programmeId);
    if (!result.ok) return adminFailureCard(result.code);
    return renderMessageCard({
      title: `Roles in ${programme.programmeId}`,
      lines: [
        ...result.value.map((role) => {
          const deputy = role.deputy ? `; deputy ${role.deputy}` : '';
          const added = role.assigned === true ? ' (added with /assign)' : '';
          return boldThen(role.code, ` ${role.title}: ${role.person ?? 'vacant'}${deputy}${added}`);
        }),
        'Change one with /assign ROLE email, or /deputy ROLE email (or none).',
      ],
    });
  },
};
