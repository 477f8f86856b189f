import { renderMessageCard } from '../../cards/message.card.js';
import { actorOf, adminFailureCard, programmeOf } from '../admin/admin-replies.js';
import { missingArgumentCard } from '../replies.js';
import type { Command, CommandRequest } from './command.js';

/** `/assign` and `/deputy` differ only in which place of the role they fill. */
async function changeRole(request: CommandRequest, place: 'person' | 'deputy') {
  const { turn, args, deps } = request;
  const programme = await programmeOf(turn, args.join(' '));
  if (!programme.ok) return programme.card;
  const [role, email, ...titleWords] = programme.argument.split(/\s+/);
  const verb = place === 'person' ? '/assign' : '/deputy';
  if (!role || !email) {
    return missingArgumentCard(`${verb} ROLE email`, `${verb} ADES someone@council.example`);
  }
  const actor = actorOf(turn.sender);
  const title = titleWords.join(' ');
  const result =
    place === 'person'
      ? await deps.roles.assign(actor, programme.programmeId, role, email, { title })
      : await deps.roles.setDeputy(actor, programme.programmeId, role, email);
  if (!result.ok) return adminFailureCard(result.code);
  const { role: changed, previous, added } = result.value;
  const now = place === 'person' ? changed.person : changed.deputy;
  return renderMessageCard({
    title:
      place === 'person'
        ? `${changed.code} is now ${now ?? 'vacant'}`
        : `The deputy for ${changed.code} is now ${now ?? 'nobody'}`,
    lines: [
      added
        ? `${changed.title}: a new role. The plan workbook does not have it, so a re-import keeps it.`
        : `${changed.title}. Before: ${previous ?? 'nobody'}.`,
      place === 'person'
        ? 'Prompts for this role’s actions go to them from now on.'
        : 'Prompts go to the deputy while the person is away.',
    ],
  });
}

export const assignCommand: Command = {
  name: 'assign',
  usage: '/assign ROLE email [title of a new role]',
  summary:
    'Gives a role to a person: /assign ADES someone@council.example. A role the plan does not have needs its title: /assign CHAIR someone@council.example Chair of the board.',
  adminOnly: true,
  refuseOthersPolitely: true,
  handle: (request) => changeRole(request, 'person'),
};

export const deputyCommand: Command = {
  name: 'deputy',
  usage: '/deputy ROLE email',
  summary:
    'Sets who covers a role while its person is away: /deputy ADES someone@council.example (or none).',
  adminOnly: true,
  refuseOthersPolitely: true,
  handle: (request) => changeRole(request, 'deputy'),
};
