import { todayFor } from '../../app/reporting-day.js';
import { renderUpdateFormCard } from '../../cards/update-form.card.js';
import { refusalCardFor } from '../card-actions/update-replies.js';
import { missingArgumentCard, noProgrammeCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';

export const updateCommand: Command = {
  name: 'update',
  programmeScoped: true,
  usage: '/update <action>',
  summary: 'A form to give an action its rating and note for this period (/update A4).',
  async handle({ turn, args, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const ref = args[0];
    if (ref === undefined)
      return missingArgumentCard('/update and an action reference', '/update A4');
    const form = await deps.update.openForm(
      programme,
      ref,
      turn.sender,
      todayFor(programme, deps.clock),
    );
    if (!form.ok) return refusalCardFor(form);
    return renderUpdateFormCard({
      action: form.action.value,
      etag: form.action.etag,
      period: form.period,
      steps: await deps.steps.progressOf(programme, form.action.value),
    });
  },
};
