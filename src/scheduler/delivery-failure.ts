import type { UnreachableReason } from '../domain/people.js';
import { OVER_BUDGET } from './message-transport.js';

/**
 * Whether a refused send is worth trying again, and what to tell an admin when it is not.
 * Teams documents its Bot Connector answers in "Status codes from bot conversational APIs"
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#status-codes-from-bot-conversational-apis):
 * 429 (Throttled) and 412 (PreconditionFailed) ask to retry; 5xx are the service's trouble;
 * 400, 401, 403, 404 and 413 (MessageSizeTooBig) will be refused again however often the
 * same message is sent.
 */
export type DeliveryFailureClass =
  | { readonly kind: 'transient' }
  | {
      readonly kind: 'permanent';
      /** Plain words for `/unreachable`, the delivery report and the logs. */
      readonly reason: string;
      /** Set when the failure means the person cannot be messaged at all. */
      readonly unreachable: UnreachableReason | null;
    };

const TRANSIENT = new Set([408, 412, 429]);

function permanent(
  reason: string,
  unreachable: UnreachableReason | null = null,
): DeliveryFailureClass {
  return { kind: 'permanent', reason, unreachable };
}

/**
 * Classifies a failed call by its HTTP status (0: no answer at all, a timeout or a reset
 * connection) and the service's error code when it gave one.
 */
export function classifyDeliveryFailure(status: number, code: string | null): DeliveryFailureClass {
  if (status === 0 || status >= 500 || TRANSIENT.has(status)) return { kind: 'transient' };
  switch (status) {
    case 413:
      if (code === OVER_BUDGET) {
        return permanent(
          'The message is over the message budget (MESSAGE_BUDGET_KB), so it was not sent: Teams would refuse it as too big.',
        );
      }
      return permanent(
        'Teams refused the message as too big (413 MessageSizeTooBig); it was not sent again.',
      );
    case 403:
      if (code === 'ConversationBlockedByUser') {
        return permanent(
          'They have blocked the bot in Teams (403 ConversationBlockedByUser).',
          'blocked',
        );
      }
      if (code === 'BotDisabledByAdmin') {
        return permanent(
          'A Teams admin has disabled the bot for the tenant (403 BotDisabledByAdmin).',
          'blocked',
        );
      }
      return permanent(
        `The bot is not in that conversation any more: the app was removed (403 ${code ?? 'Forbidden'}).`,
        'not-installed',
      );
    case 404:
      return permanent(
        `Teams has no such conversation (404 ${code ?? 'NotFound'}): the chat or channel is gone.`,
        'not-installed',
      );
    case 401:
      return permanent(
        `Teams did not accept the bot's credentials (401 ${code ?? 'Unauthorized'}): check MicrosoftAppId and MicrosoftAppPassword.`,
      );
    case 400:
      return permanent(`Teams refused the message as malformed (400 ${code ?? 'BadRequest'}).`);
    default:
      return permanent(`Teams refused the message (${status} ${code ?? ''}).`.replace(' )', ')'));
  }
}
