import type { Activity } from 'botbuilder';
import { baseActivity, installActivity, type ActivityContext } from './activities.js';
import type { InstallEvent } from './graph-directory.js';

/**
 * What Teams sends the bot once Graph has installed the app: an `installationUpdate` (action
 * `add`) and a `conversationUpdate` with the bot among `membersAdded`
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events).
 * In a personal scope the conversation is the person's chat with the bot; in a team it is the
 * team's General channel, whose id is the team's id on activities (`channelData.team.id`);
 * the group id Graph knows the team by is `channelData.team.aadGroupId`.
 */
export function installEventActivities(
  ctx: ActivityContext,
  event: InstallEvent,
): Partial<Activity>[] {
  const botAccount = { id: `28:${ctx.appId}`, name: ctx.botName };
  if (event.scope === 'personal') {
    const from = event.user.teamsUser;
    const place = { scope: 'personal' as const };
    return [
      installActivity(ctx, from, place),
      { ...baseActivity(ctx, from, place), type: 'conversationUpdate', membersAdded: [botAccount] },
    ];
  }
  const team = event.team;
  const general = team.channelIds[0];
  if (general === undefined) throw new Error(`Team ${team.id} has no General channel.`);
  const installer = {
    id: '29:team-owner',
    aadObjectId: 'aad-team-owner',
    name: 'Team owner',
    email: 'team-owner@tenant.example',
  };
  const base = baseActivity(ctx, installer, { scope: 'channel', conversationId: general });
  const channelData = {
    ...(base.channelData as Record<string, unknown>),
    team: { id: general, name: team.displayName, aadGroupId: team.id },
    channel: { id: general, name: 'General' },
    teamsTeamId: general,
    teamsChannelId: general,
  };
  return [
    { ...base, channelData, type: 'installationUpdate', action: 'add' },
    {
      ...base,
      channelData: { ...channelData, eventType: 'teamMemberAdded' },
      type: 'conversationUpdate',
      membersAdded: [botAccount],
    },
  ];
}
