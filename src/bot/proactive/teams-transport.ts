import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { AppCredentials, type ConnectorClient } from 'botframework-connector';
import type { Clock } from '../../app/clock.js';
import type { StoredConversation } from '../../store/conversation.repository.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';
import {
  clientActivityIdOf,
  type DeliveryCheck,
  type MessageTransport,
  type SendOutcome,
} from '../../scheduler/message-transport.js';
import { connectorFailureOf } from './connector-failure.js';

/** Builds the activity an outbox message becomes (a card chosen by its kind). */
export type RenderOutgoing = (message: OutboxMessage) => Promise<Partial<Activity>>;

export interface TeamsTransportOptions {
  /** The server's adapter (`BotServer.adapter`), so tokens and settings are shared. */
  readonly adapter: CloudAdapter;
  /** MicrosoftAppId; empty when the bot runs unauthenticated on loopback. */
  readonly appId: string;
  readonly render: RenderOutgoing;
  readonly clock: Clock;
}

/** The stored reference is botbuilder's own JSON, kept opaque by the store. */
function referenceOf(conversation: StoredConversation): Partial<ConversationReference> {
  return conversation.reference;
}

function connectorOf(turn: TurnContext): ConnectorClient {
  const client = turn.turnState.get<ConnectorClient | undefined>(turn.adapter.ConnectorClientKey);
  if (!client) throw new Error('botbuilder gave the proactive turn no Connector client.');
  return client;
}

/** Reads the Connector's answer to "do you have an activity carrying our id?". */
async function readCheck(response: Response, marker: string): Promise<DeliveryCheck> {
  const body: unknown = await response.json().catch(() => null);
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (response.status === 200) {
    return {
      delivered: true,
      activityId: typeof record['id'] === 'string' ? record['id'] : marker,
    };
  }
  const error = record['error'];
  const code =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['code'] : null;
  if (response.status === 404 && code === 'ActivityNotFound') return { delivered: false };
  return {
    delivered: 'unknown',
    reason: `The Connector answered ${response.status} to a look-up.`,
  };
}

/**
 * Proactive messages through botbuilder's CloudAdapter (`continueConversationAsync`). Each
 * send carries the outbox message's client id in `channelData.outboxMessageId`; a channel
 * that can look activities up by it lets the scheduler avoid re-sending after a crash.
 */
export function createTeamsTransport(options: TeamsTransportOptions): MessageTransport {
  const { adapter, appId, clock } = options;
  const inConversation = (
    conversation: StoredConversation,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<void> => adapter.continueConversationAsync(appId, referenceOf(conversation), logic);

  return {
    async send(message, conversation): Promise<SendOutcome> {
      const activity = await options.render(message);
      const marker = clientActivityIdOf(message.key);
      const extra = (activity.channelData ?? {}) as Record<string, unknown>;
      let activityId = marker;
      try {
        await inConversation(conversation, async (turn) => {
          // A new message in the conversation (a new thread in a channel), not a reply to
          // the continuation event that turn.sendActivity would make it.
          const reference = referenceOf(conversation);
          const outgoing = TurnContext.applyConversationReference(
            { ...activity, channelData: { ...extra, outboxMessageId: marker } },
            reference,
          );
          delete outgoing.replyToId;
          const response = await connectorOf(turn).conversations.sendToConversation(
            reference.conversation?.id ?? '',
            outgoing,
          );
          activityId = response.id ?? marker;
        });
        return { ok: true, activityId };
      } catch (error: unknown) {
        return connectorFailureOf(error, clock.now());
      }
    },

    async checkDelivered(message, conversation): Promise<DeliveryCheck> {
      const marker = clientActivityIdOf(message.key);
      const reference = referenceOf(conversation);
      const conversationId = reference.conversation?.id;
      const serviceUrl = reference.serviceUrl;
      if (!conversationId || !serviceUrl) {
        return { delivered: 'unknown', reason: 'The stored reference has no conversation id.' };
      }
      let check: DeliveryCheck = { delivered: 'unknown', reason: 'No answer from the Connector.' };
      try {
        await inConversation(conversation, async (turn) => {
          const credentials = connectorOf(turn).credentials;
          const token = credentials instanceof AppCredentials ? await credentials.getToken() : null;
          const url = `${serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(marker)}`;
          const response = await fetch(url, {
            headers: token ? { authorization: `Bearer ${token}` } : {},
          });
          check = await readCheck(response, marker);
        });
      } catch (error: unknown) {
        check = {
          delivered: 'unknown',
          reason: `The look-up failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      return check;
    },
  };
}
