import type { ConnectorAnswer } from './connector-api.js';
import type { ConversationMessages } from './conversation-messages.js';
import type { GraphDirectory } from './graph-directory.js';

/**
 * What the Connector refuses before it takes a message, each as Teams refuses it
 * ("Status codes from bot conversational APIs",
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#status-codes-from-bot-conversational-apis).
 */

interface RouteLike {
  readonly kind: string;
  readonly conversationId: string | null;
  readonly activityId: string | null;
}

/**
 * Teams measures a message as UTF-16 (two bytes a code unit, which is a JavaScript string's
 * length) and refuses one over about 100 KB with 413 MessageSizeTooBig.
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;

export function tooBig(kind: string, text: string): ConnectorAnswer | null {
  const carriesActivity = kind === 'post' || kind === 'reply' || kind === 'update';
  if (!carriesActivity || text.length * 2 <= TEAMS_MESSAGE_LIMIT_BYTES) return null;
  return {
    status: 413,
    body: { error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } },
  };
}

/** An update of a message the conversation does not hold is refused, as Teams refuses it. */
export function unknownMessage(
  route: RouteLike,
  messages: ConversationMessages,
): ConnectorAnswer | null {
  if (route.kind !== 'update' || route.conversationId === null || route.activityId === null) {
    return null;
  }
  if (messages.has(route.conversationId, route.activityId)) return null;
  return {
    status: 404,
    body: {
      error: {
        code: 'ActivityNotFoundInConversation',
        message: 'Message does not exist in the thread.',
      },
    },
  };
}

/** The channel a call writes to: its conversation id, or the channel a new thread opens in. */
function channelOf(route: RouteLike, body: unknown): string | null {
  if (route.kind === 'createConversation') {
    const channelData = (body as { channelData?: { channel?: { id?: unknown } } } | null)
      ?.channelData;
    const id = channelData?.channel?.id;
    return typeof id === 'string' ? id : null;
  }
  return route.conversationId?.split(';')[0] ?? null;
}

/**
 * A bot may write in a team's channels only once its app is installed in the team
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages);
 * before that Teams answers 403 BotNotInConversationRoster, "The bot is not part of the
 * conversation roster"
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-code-responses). Only teams the test's Graph directory
 * holds are checked: the fixed test channel (`CHANNEL_ID`) stands for a team the app is in.
 */
export function notInRoster(
  route: RouteLike,
  body: unknown,
  graph: GraphDirectory,
): ConnectorAnswer | null {
  if (route.kind === 'read' || route.kind === 'unsupported') return null;
  const channelId = channelOf(route, body);
  const team = channelId === null ? null : graph.teamOfChannel(channelId);
  if (team === null || graph.teamInstalls.has(team.id)) return null;
  return {
    status: 403,
    body: {
      error: {
        code: 'BotNotInConversationRoster',
        message: 'The bot is not part of the conversation roster.',
      },
    },
  };
}
