import type { TurnContext } from 'botbuilder';
import type { ProgrammeChoice } from '../app/admin/programme-resolution.use-case.js';
import { renderProgrammeChoiceCard } from '../cards/programme-choice.card.js';
import type { RenderedCard } from '../cards/render-template.js';
import { commandTextOf, parseCommand } from './message-text.js';

/** The command as typed, with `id:` before its first word: `/status wsoa:EHC`, `/status wsoa:`. */
function commandFor(turn: TurnContext, programmeId: string): string {
  const { name, args } = parseCommand(commandTextOf(turn.activity));
  const [first = '', ...rest] = args;
  return [`/${name}`, `${programmeId}:${first}`, ...rest].join(' ');
}

/**
 * Asks which programme a command is for, with a button per programme that runs the same
 * command again with that programme's prefix, as if the person had typed it.
 */
export function programmeChoiceCard(
  turn: TurnContext,
  choices: readonly ProgrammeChoice[],
): RenderedCard {
  const example = commandFor(turn, choices[0]?.id ?? 'wsoa');
  const type = turn.activity.conversation.conversationType;
  const personal = type !== 'channel' && type !== 'groupChat';
  return renderProgrammeChoiceCard({
    title: 'Which programme?',
    lines: [
      personal
        ? `You have a part in ${choices.length} programmes. Choose one, or type its id before what you asked, such as ${example}.`
        : `There are ${choices.length} programmes and this chat is not linked to one. Choose one, or type its id before what you asked, such as ${example}. An admin can link this chat to one with /link.`,
    ],
    choices: choices.map((choice) => ({
      title: `${choice.name} (${choice.id})`,
      command: commandFor(turn, choice.id),
    })),
  });
}
