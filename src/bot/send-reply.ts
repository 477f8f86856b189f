import type { TurnContext } from 'botbuilder';
import type { CommandReply } from './commands/command.js';

export async function sendReply(turn: TurnContext, reply: CommandReply): Promise<void> {
  if (typeof reply === 'string') {
    await turn.sendActivity(reply);
    return;
  }
  await turn.sendActivity({ type: 'message', attachments: [reply] });
}
