import { sharedAs, updateFormFor } from '../card-actions/personal-views.js';
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
    const { isForm, card } = await updateFormFor(deps, programme, ref, turn.sender, 'refusal');
    // Only a form is shared: a refusal is for the person who asked.
    return isForm ? sharedAs(turn, programme, { view: 'update', ref }, card) : card;
  },
};
