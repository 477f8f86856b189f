import type { ConversationReference } from 'botbuilder';
import type { TeamChannel } from '../app/admin/channel-link.js';
import type { TenantEndpoint } from '../app/admin/board-channel.use-case.js';
import type { PersonalChat } from '../app/ports/app-installer.js';
import type { StoredConversation } from '../store/conversation.repository.js';

/**
 * Where proactive messages go when no activity from Teams has named one: the global Bot
 * Connector endpoint, which routes to the tenant's region
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
 */
export const GLOBAL_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/**
 * The conversation reference for a person's chat with the bot, found through Graph after a
 * proactive install: Graph's chat id is a conversation id the Bot Connector accepts. When Teams
 * later sends an activity from that chat, the recorder replaces this with what Teams said.
 */
export function personalConversationOf(
  chat: PersonalChat,
  options: { readonly serviceUrl: string; readonly appId: string; readonly now: Date },
): StoredConversation {
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    conversation: {
      id: chat.chatId,
      conversationType: 'personal',
      tenantId: chat.tenantId,
      isGroup: false,
      name: '',
    },
    bot: { id: `28:${options.appId}`, name: 'Action Tracker' },
    user: { id: chat.userId, aadObjectId: chat.userId, name: chat.name ?? '' },
  };
  return {
    key: `personal:${chat.userId}`,
    kind: 'personal',
    tenantId: chat.tenantId,
    aadObjectId: chat.userId,
    email: chat.email,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    updatedAt: options.now.toISOString(),
  };
}

/**
 * The conversation reference for a channel the bot was just installed beside through Graph:
 * a channel's id is the conversation id a new post in it goes to
 * (https://learn.microsoft.com/microsoftteams/platform/teams-sdk/essentials/sending-messages/proactive-messaging),
 * and the team is reached at the same Connector address as the admin who named it, being in
 * their organisation. When Teams later sends an activity from the channel, the recorder
 * replaces this with what Teams said.
 */
export function channelConversationOf(
  channel: TeamChannel,
  endpoint: TenantEndpoint,
  now: Date,
): StoredConversation {
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl: endpoint.serviceUrl,
    conversation: {
      id: channel.channelId,
      conversationType: 'channel',
      tenantId: channel.tenantId,
      isGroup: true,
      name: channel.name,
    },
    bot: { id: endpoint.botId, name: 'Action Tracker' },
  };
  return {
    key: channel.channelId,
    kind: 'channel',
    tenantId: channel.tenantId,
    aadObjectId: null,
    email: null,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    updatedAt: now.toISOString(),
  };
}
