import { TurnContext, type Activity } from 'botbuilder';
import type { Logger } from '../app/logger.js';
import { renderMessageCard } from '../cards/message.card.js';
import { jsonLength } from '../cards/json-length.js';
import { teamsMessageBytes, type MessageBudget } from '../cards/message-budget.js';
import type { RenderedCard } from '../cards/render-template.js';
import type { CommandReply } from './commands/command.js';
import { fittedList, isListReply } from './list-reply.js';

export interface ReplyLimits {
  /** The one size budget every outgoing message is held to (MESSAGE_BUDGET_KB). */
  readonly budget: MessageBudget;
  readonly logger: Logger;
}

/** The activity as botbuilder will send it: the conversation, ids and addresses filled in. */
function asSent(turn: TurnContext, activity: Partial<Activity>): Partial<Activity> {
  const reference = TurnContext.getConversationReference(turn.activity);
  return TurnContext.applyConversationReference({ ...activity }, reference);
}

const cardActivity = (card: RenderedCard): Partial<Activity> => ({
  type: 'message',
  attachments: [card],
});

/**
 * Weighs a card as the activity it will be sent in, exactly as {@link teamsMessageBytes} weighs
 * that activity: what is around the card is measured once, and the card by {@link jsonLength},
 * which remembers the lines a cut list shares with the longer versions weighed before it.
 */
function cardWeigher(turn: TurnContext): (card: RenderedCard) => number {
  // `"attachments":[]` becomes `"attachments":[card]`: the card's JSON is all that is added.
  const around = teamsMessageBytes(asSent(turn, { type: 'message', attachments: [] }));
  return (card) => around + jsonLength(card) * 2;
}

/**
 * Every reply to a command goes out here, measured as Teams measures it (the whole activity,
 * UTF-16) against the budget. A list that would not fit is cut to what does, saying how many
 * more and where; anything else over budget is replaced by a short notice, never sent.
 */
export async function sendReply(
  turn: TurnContext,
  reply: CommandReply,
  limits: ReplyLimits,
): Promise<void> {
  const fits = (activity: Partial<Activity>) => limits.budget.fits(asSent(turn, activity));
  if (typeof reply === 'string') {
    const text: Partial<Activity> = { type: 'message', text: reply };
    await turn.sendActivity(fits(text) ? text : cardActivity(tooLargeCard()));
    return;
  }
  const card = isListReply(reply)
    ? fittedList(reply, cardWeigher(turn), limits.budget.bytes)
    : fits(cardActivity(reply))
      ? reply
      : null;
  if (card === null) {
    limits.logger.error('A reply was over the message budget and was not sent', {
      command: turn.activity.text?.slice(0, 100),
      budgetBytes: limits.budget.bytes,
    });
  }
  await turn.sendActivity(cardActivity(card ?? tooLargeCard()));
}

function tooLargeCard(): RenderedCard {
  return renderMessageCard({
    title: 'That answer is too large for one Teams message',
    lines: [
      'Ask for less at a time: /status and a workstream code (/status A), or an action reference (/status A2).',
      'The Dashboard tab shows every action, with filters by workstream and owner.',
    ],
  });
}
