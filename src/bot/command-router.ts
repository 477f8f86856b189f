import { closestMatches } from '../app/suggestions.js';
import { renderMessageCard } from '../cards/message.card.js';
import { adminOnlyRefusal } from './admin/admin-replies.js';
import type { BotDependencies } from './bot-dependencies.js';
import type { Command, CommandReply } from './commands/command.js';
import { commands } from './commands/index.js';
import { MAX_COMMAND_TEXT } from './message-text.js';
import { programmeOfTurn, type Turn } from './turn.js';
import { notAMemberCard, whichProgrammeCard } from './which-programme.js';

function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Workstream codes and action refs like a word typed on its own ("c2" for /status C2). */
async function nearCodes(
  turn: Turn,
  deps: BotDependencies,
  word: string,
): Promise<readonly string[]> {
  const programme = await programmeOfTurn(turn);
  if (!programme) return [];
  const codes = await deps.status.knownCodes(programme.id);
  const exact = codes.find((code) => code.toLowerCase() === word);
  return exact !== undefined ? [exact] : closestMatches(word, codes, 2);
}

/** A question in words, not a command: it starts with a question word or ends with "?". */
const QUESTION =
  /^(?:what|what's|how|how's|where|when|who|who's|which|why|is|are|can|could|do|does|any|has|have|will)\b|\?$/i;

/** Asked something it cannot read: the questions it does read, and the commands behind them. */
function questionHelpCard(): CommandReply {
  return renderMessageCard({
    title: 'I could not tell what that question is about',
    lines: [
      'Ask about a workstream or an action by its code: "how is A doing?", "what is going on with C2?", "who owns A2?".',
      'Or ask "what is overdue?" or "what do I need to do?".',
      'Type /help to see every command.',
    ],
  });
}

/** Teams delivers a file sent to the bot as an attachment with a download link. */
function hasFile(turn: Turn): boolean {
  return (turn.context.activity.attachments ?? []).some(
    (a) => a.contentType === 'application/vnd.microsoft.teams.file.download.info',
  );
}

/** Reads the typed command and runs its handler; anything else gets a helpful answer. */
export async function routeCommand(turn: Turn, deps: BotDependencies): Promise<CommandReply> {
  const { text, sender } = turn;
  if (text.length > MAX_COMMAND_TEXT) {
    return renderMessageCard({
      title: 'That message is too long for me',
      lines: [
        `It is ${Math.round(text.length / 1024)} KB; I read short commands such as /status or /mine.`,
        'Type /help to see them all.',
      ],
    });
  }
  const { name } = turn.command;
  const visible = commands.filter((c) => !c.adminOnly || sender.isAdmin);
  const fileHandler = visible.find((c) => c.acceptsFiles === true);
  if (name === '' && fileHandler && hasFile(turn)) {
    return fileHandler.handle({ turn, args: [], deps, commands: visible });
  }
  const adminCommand = name === '' && hasFile(turn) ? 'import' : name;
  if (!sender.isAdmin && findCommand(adminCommand)?.refuseOthersPolitely) {
    return adminOnlyRefusal(adminCommand);
  }
  if (name === '') {
    return renderMessageCard({
      title: 'I did not catch a command',
      lines: ['Type /help to see what I can do.'],
    });
  }
  const command = findCommand(name);
  if (!command && QUESTION.test(text.trim())) return questionHelpCard();
  if (!command || (command.adminOnly && !sender.isAdmin)) {
    const near = [
      ...closestMatches(
        name,
        visible.map((c) => c.name),
      ).map((word) => `/${word}`),
      ...(await nearCodes(turn, deps, name)).map((code) => `/status ${code}`),
    ].slice(0, 3);
    return renderMessageCard({
      title: `I do not know the command "${name}"`,
      lines: [
        ...(near.length > 0 ? [`Did you mean ${near.join(' or ')}?`] : []),
        'Type /help to see what I can do.',
      ],
    });
  }
  const request = { turn, args: turn.command.args, deps, commands: visible };
  if (command.programmeScoped) {
    const guess = deps.resolution.lastChosen(turn.conversation.key);
    // A programme named with `id:` has been settled already; then there is nothing to guess.
    if (guess !== null && !turn.typedArgs[0]?.includes(':')) command.readAhead?.(request, guess);
    const answer = await turn.programme();
    if (!answer.ok && answer.code === 'PROGRAMME_CHOICE_NEEDED') {
      return whichProgrammeCard(turn, answer.choices);
    }
    if (!answer.ok && answer.code === 'NOT_A_MEMBER') return notAMemberCard(answer.programme);
  }
  return command.handle(request);
}
