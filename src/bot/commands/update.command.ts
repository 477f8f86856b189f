import { todayFor } from '../../app/reporting-day.js';
import { openUpdateForm } from '../../app/update.use-case.js';
import { renderUpdateFormCard } from '../../cards/update-form.card.js';
import { refusalCardFor } from '../card-actions/update-replies.js';
import { missingArgumentCard, noProgrammeCard } from '../replies.js';
import { resolveProgramme } from '../resolve-programme.js';
import type { Command } from './command.js';

export const updateCommand: Command = {
  name: 'update',
  programmeScoped: true,
  usage: '/update <action>',
  summary: 'A form to give an action its rating and note for this period (/update A4).',
  async handle({ turn, args, deps, sender }) {
    const programme = await resolveProgramme(turn, deps);
    if (!programme) return noProgrammeCard();
    const ref = args[0];
    if (ref === undefined)
      return missingArgumentCard('/update and an action reference', '/update A4');
    const form = await openUpdateForm(
      deps,
      programme,
      ref,
      sender,
      todayFor(programme, deps.clock),
    );
    if (!form.ok) return refusalCardFor(form);
    return renderUpdateFormCard({
      action: form.action.value,
      etag: form.action.etag,
      period: form.period,
    });
  },
};
