import type { TurnContext } from 'botbuilder';
import { knownCodes } from '../app/status.use-case.js';
import { closestMatches } from '../app/suggestions.js';
import { renderMessageCard } from '../cards/message.card.js';
import type { BotDependencies } from './bot-dependencies.js';
import type { Command, CommandReply } from './commands/command.js';
import { commands } from './commands/index.js';
import { commandTextOf, MAX_COMMAND_TEXT, parseCommand } from './message-text.js';
import { resolveProgramme, withoutProgrammePrefix } from './resolve-programme.js';
import type { Sender } from './sender.js';
import { adminOnlyRefusal } from './admin/admin-context.js';
import { askWhichProgramme } from './programme-choice.js';

function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Workstream codes and action refs like a word typed on its own ("c2" for /status C2). */
async function nearCodes(
  turn: TurnContext,
  deps: BotDependencies,
  word: string,
): Promise<readonly string[]> {
  const programme = await resolveProgramme(turn, deps);
  if (!programme) return [];
  const codes = await knownCodes(deps, programme.id);
  const exact = codes.find((code) => code.toLowerCase() === word);
  return exact !== undefined ? [exact] : closestMatches(word, codes, 2);
}

/** Teams delivers a file sent to the bot as an attachment with a download link. */
function hasFile(turn: TurnContext): boolean {
  return (turn.activity.attachments ?? []).some(
    (a) => a.contentType === 'application/vnd.microsoft.teams.file.download.info',
  );
}

/** Reads the typed command and runs its handler; anything else gets a helpful answer. */
export async function routeCommand(
  turn: TurnContext,
  sender: Sender,
  deps: BotDependencies,
): Promise<CommandReply> {
  const text = commandTextOf(turn.activity);
  if (text.length > MAX_COMMAND_TEXT) {
    return renderMessageCard({
      title: 'That message is too long for me',
      lines: [
        `It is ${Math.round(text.length / 1024)} KB; I read short commands such as /status or /mine.`,
        'Type /help to see them all.',
      ],
    });
  }
  const parsed = parseCommand(text);
  const visible = commands.filter((c) => !c.adminOnly || sender.isAdmin);
  const fileHandler = visible.find((c) => c.acceptsFiles === true);
  if (parsed.name === '' && fileHandler && hasFile(turn)) {
    return fileHandler.handle({ turn, args: [], sender, deps, commands: visible });
  }
  const adminCommand = parsed.name === '' && hasFile(turn) ? 'import' : parsed.name;
  if (!sender.isAdmin && findCommand(adminCommand)?.refuseOthersPolitely) {
    return adminOnlyRefusal(adminCommand);
  }
  if (parsed.name === '') {
    return renderMessageCard({
      title: 'I did not catch a command',
      lines: ['Type /help to see what I can do.'],
    });
  }
  const command = findCommand(parsed.name);
  if (!command || (command.adminOnly && !sender.isAdmin)) {
    const near = [
      ...closestMatches(
        parsed.name,
        visible.map((c) => c.name),
      ).map((name) => `/${name}`),
      ...(await nearCodes(turn, deps, parsed.name)).map((code) => `/status ${code}`),
    ].slice(0, 3);
    return renderMessageCard({
      title: `I do not know the command "${parsed.name}"`,
      lines: [
        ...(near.length > 0 ? [`Did you mean ${near.join(' or ')}?`] : []),
        'Type /help to see what I can do.',
      ],
    });
  }
  if (command.programmeScoped) {
    const question = await askWhichProgramme(turn, sender, deps);
    if (question) return question;
  }
  const args = await withoutProgrammePrefix(parsed.args, deps);
  return command.handle({ turn, args, sender, deps, commands: visible });
}
