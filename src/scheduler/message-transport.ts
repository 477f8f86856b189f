import { createHash } from 'node:crypto';
import type { StoredConversation } from '../store/conversation.repository.js';
import type { OutboxMessage } from '../store/outbox.repository.js';

/** What one attempt to deliver a message came to. */
export type SendOutcome =
  | { readonly ok: true; readonly activityId: string }
  | {
      readonly ok: false;
      /** HTTP status from the Connector; 0 when it could not be reached at all. */
      readonly status: number;
      /** From the Connector's `Retry-After`, in milliseconds. */
      readonly retryAfterMs: number | null;
      /** The Connector's error code when it gave one (`MessageWritesBlocked`). */
      readonly code: string | null;
      readonly message: string;
      /** Of a message sent as several activities, how many Teams accepted before this refusal. */
      readonly partsSent?: number;
    };

/**
 * How the scheduler reaches Teams. Implemented in `src/bot/proactive` with botbuilder; the
 * scheduler and the app never see the SDK. Implementations must not throw for a refusal by
 * the Connector: that is a `SendOutcome`.
 */
export interface MessageTransport {
  send(message: OutboxMessage, conversation: StoredConversation): Promise<SendOutcome>;
}

/**
 * The code of a refusal made before sending: the message, measured as Teams measures it, is
 * over the message budget, so Teams would refuse it with 413 (status 413 is given with it).
 */
export const OVER_BUDGET = 'OverBudget';

/**
 * The id every send of one outbox message carries in channelData, so the logs (and the test
 * channel) can tell one message's attempts and parts apart. Teams cannot be asked about it.
 */
export function clientActivityIdOf(messageKey: string): string {
  return `outbox-${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}`;
}
