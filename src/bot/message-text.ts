import { TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { commandOfQuestion, type ParsedCommand } from './phrasings.js';

export type { ParsedCommand } from './phrasings.js';

/** Bigger than any command; a longer message is answered politely, not parsed. */
export const MAX_COMMAND_TEXT = 20_000;

/**
 * The command typed, with the bot's @mention removed. Teams sends the mention both as an
 * entity and as `<at>Name</at>` in the text; other clients may send only the text form.
 */
export function commandTextOf(activity: Partial<Activity>): string {
  const copy: Partial<Activity> = { ...activity, text: activity.text ?? '' };
  const withoutMention = copy.recipient?.id ? TurnContext.removeRecipientMention(copy) : copy.text;
  return (withoutMention ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .trim();
}

/**
 * Splits "/Status  ehc" into `status` and `["ehc"]`; a question typed without a slash
 * ("what is going on with A?") is read as the command it means.
 */
export function parseCommand(text: string): ParsedCommand {
  const question = text.trim().startsWith('/') ? null : commandOfQuestion(text);
  if (question) return question;
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first = '', ...args] = words;
  return { name: first.replace(/^\/+/, '').toLowerCase(), args };
}
