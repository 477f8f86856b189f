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
 * Whether an earlier attempt reached the Connector: asked only for a message found in
 * `sending` after a crash. `unknown` when the channel cannot say (the real Teams Connector
 * has no look-up by our id), and the message is then sent again.
 */
export type DeliveryCheck =
  | { readonly delivered: true; readonly activityId: string }
  | { readonly delivered: false }
  | { readonly delivered: 'unknown'; readonly reason: string };

/**
 * How the scheduler reaches Teams. Implemented in `src/bot/proactive` with botbuilder; the
 * scheduler and the app never see the SDK. Implementations must not throw for a refusal by
 * the Connector: that is a `SendOutcome`.
 */
export interface MessageTransport {
  send(message: OutboxMessage, conversation: StoredConversation): Promise<SendOutcome>;
  checkDelivered(message: OutboxMessage, conversation: StoredConversation): Promise<DeliveryCheck>;
}

/**
 * The id every send of one outbox message carries (as the activity id and in channelData),
 * so a channel that can look activities up can tell whether an earlier attempt arrived.
 */
export function clientActivityIdOf(messageKey: string): string {
  return `outbox-${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}`;
}
