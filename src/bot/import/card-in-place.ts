import { TurnContext, type Activity } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { Logger } from '../../app/logger.js';
import type { RenderedCard } from '../../cards/render-template.js';

/**
 * Teams draws the button's own answer when it arrives, over whatever the card showed; a
 * redraw sent sooner could be covered by it, so the first waits this long after the press.
 */
const FIRST_REDRAW_AFTER_MS = 1_000;

/**
 * The card a button was pressed on, redrawn after the button's turn has ended: each
 * `show` replaces it in place (`updateActivity` on the message the card is in). Shows go
 * one at a time and in order; one asked for while another is on its way replaces any still
 * waiting, so a quick run of progress never queues up and the last card shown is the last
 * one asked for.
 */
export interface CardInPlace {
  show(card: RenderedCard): void;
  /** Shows `card` after everything before it; resolves once Teams has it (or refused it). */
  finish(card: RenderedCard): Promise<void>;
}

/**
 * For the card this turn's button was pressed on. Null when the activity names no message
 * (`replyToId`), which Teams always sends with a card's button; nothing can be redrawn then.
 */
export function cardInPlaceOf(context: TurnContext, logger: Logger): CardInPlace | null {
  const messageId = context.activity.replyToId;
  if (!messageId) return null;
  const reference = TurnContext.getConversationReference(context.activity);
  // The identity the request came in with: the same app id and audience as a reply.
  const identity = context.turnState.get<ClaimsIdentity>(context.adapter.BotIdentityKey);
  const adapter = context.adapter;

  async function put(card: RenderedCard, messageId: string): Promise<void> {
    const activity: Partial<Activity> = { type: 'message', id: messageId, attachments: [card] };
    try {
      await adapter.continueConversationAsync(identity, reference, async (turn) => {
        await turn.updateActivity(activity);
      });
    } catch (error) {
      // The card stays as it was; the import itself is not affected.
      logger.warn('Could not redraw a card in place', {
        messageId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  let chain = new Promise<void>((resolve) => setTimeout(resolve, FIRST_REDRAW_AFTER_MS));
  let waiting: RenderedCard | null = null;
  return {
    show(card) {
      const queued = waiting !== null;
      waiting = card;
      if (queued) return;
      chain = chain.then(async () => {
        const next = waiting;
        waiting = null;
        if (next) await put(next, messageId);
      });
    },
    finish(card) {
      waiting = null;
      chain = chain.then(() => put(card, messageId));
      return chain;
    },
  };
}
