import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Clock } from '../../app/clock.js';
import { teamsMessageBytes, type MessageBudget } from '../../cards/message-budget.js';
import type { StoredConversation } from '../../store/conversation.repository.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';
import {
  clientActivityIdOf,
  OVER_BUDGET,
  type MessageTransport,
  type SendOutcome,
} from '../../scheduler/message-transport.js';
import { connectorFailureOf } from './connector-failure.js';

/**
 * Builds the activities an outbox message becomes (cards chosen by its kind): usually one, or
 * several when a prompt for many actions is split to fit the message budget.
 */
export type RenderOutgoing = (message: OutboxMessage) => Promise<readonly Partial<Activity>[]>;

export interface TeamsTransportOptions {
  /** The server's adapter (`BotServer.adapter`), so tokens and settings are shared. */
  readonly adapter: CloudAdapter;
  /** MicrosoftAppId; empty when the bot runs unauthenticated on loopback. */
  readonly appId: string;
  readonly render: RenderOutgoing;
  readonly clock: Clock;
  /** Every activity is measured against it as sent; one over it is not sent at all. */
  readonly budget: MessageBudget;
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

/** How many parts of this message Teams accepted on an earlier attempt. */
function partsSentOf(message: OutboxMessage): number {
  const sent = message.payload['partsSent'];
  return typeof sent === 'number' && Number.isInteger(sent) && sent > 0 ? sent : 0;
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Proactive messages through botbuilder's CloudAdapter (`continueConversationAsync`), each a
 * new message in the conversation (`sendToConversation`). Teams has no API to look a message
 * up afterwards, so nothing is asked after a send; each part carries the outbox message's
 * client id in `channelData.outboxMessageId` only so logs and the test channel can tell them
 * apart. A part over the budget is refused here, as Teams would refuse it with 413, without
 * being sent.
 */
export function createTeamsTransport(options: TeamsTransportOptions): MessageTransport {
  const { adapter, appId, clock, budget } = options;

  return {
    async send(message, conversation): Promise<SendOutcome> {
      const parts = await options.render(message);
      const marker = clientActivityIdOf(message.key);
      const reference = referenceOf(conversation);
      let firstId: string | null = null;
      for (let index = partsSentOf(message); index < parts.length; index += 1) {
        const activity = parts[index] ?? {};
        const extra = (activity.channelData ?? {}) as Record<string, unknown>;
        const outgoing = TurnContext.applyConversationReference(
          {
            ...activity,
            channelData: {
              ...extra,
              outboxMessageId: index === 0 ? marker : `${marker}-${index + 1}`,
            },
          },
          reference,
        );
        // A new message in the conversation (a new thread in a channel), not a reply to the
        // continuation event that turn.sendActivity would make it.
        delete outgoing.replyToId;
        if (!budget.fits(outgoing)) {
          return {
            ok: false,
            status: 413,
            retryAfterMs: null,
            code: OVER_BUDGET,
            message: `Part ${index + 1} of ${parts.length} weighs ${kilobytes(teamsMessageBytes(outgoing))} as Teams counts it, over the budget of ${kilobytes(budget.bytes)}.`,
            partsSent: index,
          };
        }
        try {
          await adapter.continueConversationAsync(appId, reference, async (turn) => {
            const response = await connectorOf(turn).conversations.sendToConversation(
              reference.conversation?.id ?? '',
              outgoing,
            );
            firstId ??= response.id ?? marker;
          });
        } catch (error: unknown) {
          return { ...connectorFailureOf(error, clock.now()), partsSent: index };
        }
      }
      return { ok: true, activityId: firstId ?? marker };
    },
  };
}
