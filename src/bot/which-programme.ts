import type { ProgrammeChoice } from '../app/programme-resolution.use-case.js';
import { renderMessageCard } from '../cards/message.card.js';
import { renderProgrammeChoiceCard } from '../cards/programme-choice.card.js';
import type { RenderedCard } from '../cards/render-template.js';
import type { Turn } from './turn.js';

/** The command as typed, with `id:` before its first word: `/status wsoa:EHC`, `/status wsoa:`. */
function commandFor(turn: Turn, programmeId: string): string {
  const [first = '', ...rest] = turn.typedArgs;
  return [`/${turn.command.name}`, `${programmeId}:${first}`, ...rest].join(' ');
}

/**
 * Asks which programme a command is for, with a button per programme that runs the same
 * command again with that programme's prefix, as if the person had typed it.
 */
export function whichProgrammeCard(turn: Turn, choices: readonly ProgrammeChoice[]): RenderedCard {
  const example = commandFor(turn, choices[0]?.id ?? 'wsoa');
  const personal = turn.conversation.kind === 'personal';
  return renderProgrammeChoiceCard({
    title: 'Which programme?',
    lines: [
      personal
        ? `You have a part in ${choices.length} programmes. Choose one, or type its id before what you asked, such as ${example}.`
        : `There are ${choices.length} programmes and this chat is not linked to one. Choose one, or type its id before what you asked, such as ${example}. An admin can link this chat to one with /link.`,
    ],
    choices: choices.map((choice) => ({
      id: choice.id,
      name: choice.name,
      command: commandFor(turn, choice.id),
    })),
  });
}

/**
 * A polite refusal to read a programme the sender is not in. The programme is named only
 * when they named it themselves or it is the only one; nothing of its content is shown.
 */
export function notAMemberCard(programme: ProgrammeChoice | null): RenderedCard {
  return renderMessageCard({
    title: programme
      ? `You are not in ${programme.name} (${programme.id})`
      : 'You are not in any programme here yet',
    lines: [
      'Its actions and notes are for the people who hold or deputise for one of its roles, its admins, and the chats and channels linked to it.',
      'If you should be in it, ask a programme admin to give you your role with /assign.',
    ],
  });
}
