import type { MeasureOutcome } from '../../app/measures/measure.use-case.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { measureLine } from '../../cards/measure-view.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import { missingArgumentCard, noProgrammeCard, notFoundCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command } from './command.js';

export const measureCommand: Command = {
  name: 'measure',
  programmeScoped: true,
  usage: '/measure <code> <value> [note]',
  summary:
    'Give a measure’s value for the period open now, with a note if you like (/measure EHC20 76.4 November figure).',
  async handle({ turn, args, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const [code, text, ...note] = args;
    if (code === undefined || text === undefined) {
      return missingArgumentCard('/measure, a measure’s code and its value', '/measure EHC20 76.4');
    }
    const activityId = turn.context.activity.id ?? `${turn.conversation.key}|${turn.text}`;
    const outcome = await deps.measures.record(
      programme,
      { code, text, note: note.join(' '), source: 'command', submissionKey: activityId },
      turn.sender,
    );
    return replyTo(outcome, code);
  },
};

function replyTo(outcome: MeasureOutcome, typed: string): RenderedCard {
  if (outcome.ok) {
    const line = measureLine(outcome);
    return renderMessageCard({
      title: `Recorded ${outcome.measure.code} ${line.latest}`,
      lines: [
        outcome.measure.name,
        ...(line.track === '' ? [] : [line.track.replace('■ ', '')]),
        line.facts,
        ...(outcome.value.note === '' ? [] : [`Note: ${outcome.value.note}`]),
        'Typed the wrong figure? Send /measure again: the newest value counts, and both are kept.',
      ],
    });
  }
  switch (outcome.code) {
    case 'MEASURE_NOT_FOUND':
      return notFoundCard('a measure called', typed, outcome.suggestions, (s) => `/measure ${s}`);
    case 'NOT_REPORTER':
      return renderRefusalCard({
        title: `You do not report ${outcome.measure.code}`,
        lines: [
          `${outcome.measure.code} is reported by ${outcome.measure.reportedBy}${outcome.role?.person ? ` (${outcome.role.person})` : ''}, or their deputy.`,
          'Ask them, or a programme admin, to give the value.',
        ],
      });
    case 'PERIOD_CLOSED':
      return renderRefusalCard({
        title: `No period is open for ${outcome.measure.code}`,
        lines: ['Values are given for the period open now; the calendar has none open today.'],
      });
    case 'INVALID_MEASURE_VALUE':
      return renderRefusalCard({
        title: `${outcome.measure.code} was not recorded`,
        lines: [outcome.message],
      });
  }
}
