import { renderRefusalCard } from '../../cards/refusal.card.js';
import { renderSignOffCard } from '../../cards/sign-off.card.js';
import { todayFor } from '../../app/reporting-day.js';
import { missingArgumentCard, noProgrammeCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';

export const signOffCommand: Command = {
  name: 'signoff',
  aliases: ['sign-off'],
  programmeScoped: true,
  usage: '/signoff <workstream> [period]',
  summary: 'The sign-off card for a workstream, for the last period that closed (/signoff B).',
  async handle({ turn, args, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const [workstream, ...rest] = args;
    if (workstream === undefined)
      return missingArgumentCard('/signoff and a workstream', '/signoff B');
    const today = todayFor(programme, deps.clock);
    const closed = programme.periods.filter((p) => p.closes < today).at(-1);
    const periodId = rest.length > 0 ? rest.join(' ') : (closed?.id ?? '');
    const found = await deps.signOff.sheet(programme, workstream, periodId);
    if (!found.ok) {
      return renderRefusalCard({
        title: 'Nothing to sign off',
        lines: [
          found.code === 'WORKSTREAM_NOT_FOUND'
            ? `There is no workstream ${workstream}.`
            : `There is no period "${periodId}" that has closed.`,
        ],
      });
    }
    return renderSignOffCard({ programmeId: programme.id, ...found.sheet });
  },
};
