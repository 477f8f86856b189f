import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** A person in the test tenant, as Teams describes them on an activity. */
export interface TestUser {
  /** Teams' per-app user id (`29:…`). */
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string;
}

export type TestScope = 'personal' | 'groupChat' | 'channel';

/** A person with stable ids derived from the email, so reruns see the same conversations. */
export function testUser(name: string, email: string): TestUser {
  const slug = email.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: `29:${slug}`, aadObjectId: `aad-${slug}`, name, email: email.toLowerCase() };
}

/** Where the activity comes from; defaults give one personal chat per user, one group, one channel. */
export interface ActivityPlace {
  readonly scope: TestScope;
  readonly conversationId?: string;
}

export interface ActivityContext {
  readonly appId: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly botName: string;
}

export const TEAM_ID = '19:team-improvement-board@thread.tacv2';
export const CHANNEL_ID = '19:channel-board@thread.tacv2';
export const GROUP_CHAT_ID = '19:group-chairs@thread.v2';

function defaultConversationId(scope: TestScope, from: TestUser): string {
  switch (scope) {
    case 'personal':
      return `a:personal-${from.aadObjectId}`;
    case 'groupChat':
      return GROUP_CHAT_ID;
    case 'channel':
      return CHANNEL_ID;
  }
}

/** The parts every activity from Teams carries: who, where, which tenant, which service. */
export function baseActivity(
  ctx: ActivityContext,
  from: TestUser,
  place: ActivityPlace,
): Partial<Activity> {
  const conversationId = place.conversationId ?? defaultConversationId(place.scope, from);
  const channelData: Record<string, unknown> = { tenant: { id: ctx.tenantId } };
  if (place.scope === 'channel') {
    channelData['team'] = { id: TEAM_ID, name: 'Improvement board' };
    channelData['channel'] = { id: CHANNEL_ID, name: 'Board' };
    channelData['teamsTeamId'] = TEAM_ID;
    channelData['teamsChannelId'] = CHANNEL_ID;
  }
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    timestamp: new Date(),
    locale: 'en-GB',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: `28:${ctx.appId}`, name: ctx.botName },
    conversation: {
      id: conversationId,
      conversationType: place.scope,
      tenantId: ctx.tenantId,
      isGroup: place.scope !== 'personal',
      name: '',
    },
    channelData,
  };
}

/** A typed message; in a group chat or channel Teams sends the @mention inside the text. */
export function messageActivity(
  ctx: ActivityContext,
  text: string,
  from: TestUser,
  place: ActivityPlace,
): Partial<Activity> {
  const base = baseActivity(ctx, from, place);
  if (place.scope === 'personal') return { ...base, type: 'message', text, textFormat: 'plain' };
  const mentionText = `<at>${ctx.botName}</at>`;
  return {
    ...base,
    type: 'message',
    text: `${mentionText} ${text}`,
    textFormat: 'plain',
    entities: [
      {
        type: 'mention',
        text: mentionText,
        mentioned: { id: `28:${ctx.appId}`, name: ctx.botName },
      },
    ],
  };
}

export function invokeActivity(
  ctx: ActivityContext,
  name: string,
  value: unknown,
  from: TestUser,
  place: ActivityPlace,
): Partial<Activity> {
  return { ...baseActivity(ctx, from, place), type: 'invoke', name, value };
}

/** A Universal Action (`Action.Execute`) as Teams sends it when a card button is pressed. */
export function cardActionValue(
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
}

/** The bot being added to a personal chat, a group chat or a team. */
export function installActivity(
  ctx: ActivityContext,
  from: TestUser,
  place: ActivityPlace,
): Partial<Activity> {
  return { ...baseActivity(ctx, from, place), type: 'installationUpdate', action: 'add' };
}
