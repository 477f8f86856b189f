import { renderMessageCard } from '../../cards/message.card.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import { lateStepsText, stepsDoneText } from '../../domain/step-completion.js';
import { missingArgumentCard, noProgrammeCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command, CommandRequest } from './command.js';

function stepsHandler(done: boolean) {
  return async ({ turn, args, deps }: CommandRequest) => {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const [ref, ...letters] = args;
    const word = done ? 'tick' : 'untick';
    if (ref === undefined || letters.length === 0) {
      return missingArgumentCard(`/${word}, an action and its step letters`, `/${word} A2 c d`);
    }
    const clean = letters.map((l) => l.replace(/[()]/g, ''));
    const result = await deps.steps.change(
      programme,
      { ref, done: done ? clean : [], notDone: done ? [] : clean },
      turn.sender,
    );
    if (result.ok) {
      return renderMessageCard({
        title: `${result.action.ref}: ${stepsDoneText(result.progress) ?? 'no steps'}`,
        lines: [
          ...result.progress.steps.map(
            (s) =>
              `${s.done ? '☑' : '☐'} ${s.step.letter}) ${s.step.title.slice(0, 80)}${s.done ? ` (done ${s.done.doneOn})` : s.late ? ' (late)' : ''}`,
          ),
          ...(lateStepsText(result.progress)
            ? [`Late: ${result.progress.late.map((s) => `${s.step.letter})`).join(', ')}`]
            : []),
        ],
      });
    }
    switch (result.code) {
      case 'ACTION_NOT_FOUND':
        return renderRefusalCard({
          title: `There is no action ${ref}`,
          lines: ['Check the reference with /status.'],
        });
      case 'STEP_NOT_FOUND':
        return renderRefusalCard({
          title: `${result.action.ref} has no step ${result.letters.join(', ')}`,
          lines: [
            `Its steps are ${result.action.steps.map((s) => s.letter).join(', ') || 'none'}.`,
          ],
        });
      case 'NOT_OWNER':
        return renderRefusalCard({
          title: `You cannot ${word} step ${result.letters.join(', ')} of ${result.action.ref}`,
          lines: ['Only the action’s owner, the step’s own owner or their deputies tick steps.'],
        });
      case 'PERIOD_CLOSED':
        return renderRefusalCard({
          title: `Step ${result.letters.join(', ')} of ${result.action.ref} cannot change now`,
          lines: [
            'A tick can be taken back only until the period it was made in closes, and no period is open for new ticks.',
          ],
        });
    }
  };
}

export const tickCommand: Command = {
  name: 'tick',
  aliases: ['done'],
  programmeScoped: true,
  usage: '/tick <action> <steps>',
  summary: 'Tick steps of an action done, with today’s date (/tick A2 c d).',
  handle: stepsHandler(true),
};

export const untickCommand: Command = {
  name: 'untick',
  programmeScoped: true,
  usage: '/untick <action> <steps>',
  summary: 'Take back a tick while its period is open (/untick A2 c).',
  handle: stepsHandler(false),
};
