import type { GovernanceChange, GovernanceView } from '../../app/admin/governance.use-case.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { boldThen } from '../../cards/plain-text.js';
import { actorOf, adminFailureCard, programmeOf } from '../admin/admin-replies.js';
import type { Command, CommandReply } from './command.js';

const USAGE = [
  '/governance chair <role> (or none) names the board chair’s role.',
  '/governance signoff on (or off) turns the leads’ sign-off before the board on or off.',
  '/governance deciders default goes back to the chair and the workstream leads; the plan workbook’s Deciders sheet names others.',
];

/** What a typed change means, or null when the words are not one. */
function changeOf(words: readonly string[]): GovernanceChange | null {
  const [what = '', value = ''] = words.map((w) => w.toLowerCase());
  if (words.length !== 2) return null;
  if (what === 'chair') {
    return { kind: 'chair', role: value === 'none' ? null : (words[1] ?? '') };
  }
  if (what === 'signoff' || what === 'sign-off') {
    if (value === 'on' || value === 'off') return { kind: 'sign-off', on: value === 'on' };
  }
  if (what === 'deciders' && value === 'default') return { kind: 'deciders', rules: null };
  return null;
}

function viewCard(view: GovernanceView, changed: boolean): CommandReply {
  const { governance, rules } = view;
  return renderMessageCard({
    title: `${changed ? 'Governance changed' : 'Governance'}: ${view.programmeName}`,
    lines: [
      boldThen('Board chair’s role', `: ${governance.chairRole ?? 'none named'}.`),
      boldThen(
        'Sign-off',
        governance.signOff
          ? ': on; each workstream lead signs off the period before the board sees it.'
          : ': off.',
      ),
      boldThen(
        'Who decides revised dates',
        governance.deciders === null
          ? ' (the default: the chair’s role and each workstream’s lead):'
          : ' (as the programme names them):',
      ),
      ...(rules.length === 0
        ? ['Nobody yet: name the chair’s role, or give the workstreams leads.']
        : rules.map((rule) =>
            boldThen(
              rule.role,
              rule.workstreams === 'all'
                ? ': every workstream'
                : `: workstream ${rule.workstreams.join(', ')}`,
            ),
          )),
      ...USAGE,
    ],
  });
}

/** `/governance`: who decides revised dates, and whether leads sign off; admins change it. */
export const governanceCommand: Command = {
  name: 'governance',
  usage: '/governance [chair <role>|signoff on|off|deciders default]',
  summary: 'Who decides revised due dates, and whether leads sign off before the board.',
  adminOnly: true,
  refuseOthersPolitely: true,
  async handle({ turn, args, deps }) {
    const programme = await programmeOf(turn, args[0] ?? '');
    if (!programme.ok) return programme.card;
    const words = args.filter((word) => !word.includes(':'));
    const actor = actorOf(turn.sender);
    if (words.length === 0) {
      const shown = await deps.governanceAdmin.show(actor, programme.programmeId);
      return shown.ok ? viewCard(shown.value, false) : adminFailureCard(shown.code);
    }
    const change = changeOf(words);
    if (change === null) {
      return renderMessageCard({
        title: `I cannot read "/governance ${words.join(' ')}"`,
        lines: USAGE,
      });
    }
    const changed = await deps.governanceAdmin.change(actor, programme.programmeId, change);
    return changed.ok ? viewCard(changed.value, true) : adminFailureCard(changed.code);
  },
};
