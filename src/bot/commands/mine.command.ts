import { mineReplyFor, sharedListAs } from '../card-actions/personal-views.js';
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
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    // The roles the read rule read for this turn, when it resolved the programme.
    const answer = await turn.programme();
    const reply = await mineReplyFor(
      deps,
      programme,
      turn.sender,
      answer.ok ? answer.senderRoles : undefined,
    );
    // In a group each person's Teams asks for their own list: "your actions" means theirs.
    return sharedListAs(turn, programme, { view: 'mine' }, reply);
  },
};
