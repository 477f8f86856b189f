import { renderMessageCard } from '../../cards/message.card.js';
import { actorOf, adminFailureCard } from '../admin/admin-replies.js';
import type { Command } from './command.js';

/** `/admins`, `/admins add email`, `/admins remove email`. */
export const adminsCommand: Command = {
  name: 'admins',
  usage: '/admins [add|remove email]',
  summary: 'Lists the programme admins; /admins add someone@council.example adds one.',
  adminOnly: true,
  refuseOthersPolitely: true,
  async handle({ turn, args, deps }) {
    const { admins } = deps;
    const actor = actorOf(turn.sender);
    const [action, who] = args;
    if ((action === 'add' || action === 'remove') && who !== undefined) {
      const result =
        action === 'add' ? await admins.add(actor, who) : await admins.remove(actor, who);
      if (!result.ok) return adminFailureCard(result.code);
      const done = 'added' in result.value ? result.value.added : result.value.removed;
      const id = result.value.id;
      const title =
        action === 'add'
          ? done
            ? `${id} is now an admin`
            : `${id} was already an admin`
          : done
            ? `${id} is no longer an admin`
            : `${id} was not an added admin`;
      return renderMessageCard({ title, lines: ['/admins lists every admin.'] });
    }
    const result = await admins.list(actor);
    if (!result.ok) return adminFailureCard(result.code);
    return renderMessageCard({
      title: 'Programme admins',
      lines: [
        ...result.value.configured.map((id) => `${id} (from the ADMINS setting)`),
        ...result.value.added.map(
          (a) => `${a.id} (added by ${a.addedBy} on ${a.addedAt.slice(0, 10)})`,
        ),
        'Add one with /admins add someone@council.example; remove with /admins remove.',
      ],
    });
  },
};
