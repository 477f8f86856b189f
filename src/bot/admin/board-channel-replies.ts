import type {
  BoardChannelFailure,
  BoardChannelLinked,
} from '../../app/admin/board-channel.use-case.js';
import type { ChannelLinkProblem } from '../../app/admin/channel-link.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { adminFailureCard } from './admin-replies.js';

/** Where the link is found in Teams, and what to do with it: said with every refusal of one. */
export const WHERE_THE_LINK_IS =
  'In Teams, go to the channel, choose ⋯ (More options) beside its name, then Get link to channel and Copy. Then type here: /link board <the link> and, if you have several programmes, the programme’s id.';

const NOTHING_LINKED = 'Nothing has been linked.';

const PROBLEMS: Readonly<Record<ChannelLinkProblem, string>> = {
  'not-a-link': 'What follows /link board is not a web address.',
  'not-teams': 'That web address is not a Microsoft Teams link.',
  'team-link': 'That is a link to a whole team; the digests need one channel in it.',
  'message-link': 'That is a link to one message, not to its channel.',
  'other-teams-link':
    'That Teams link is not to a channel (it may be to a chat, a meeting or a file).',
  incomplete:
    'That channel link is not whole: the channel, its team (groupId) or its organisation (tenantId) is missing or cut short.',
};

/** The answer to `/link board <channel link>` that worked. */
export function boardChannelLinkedCard(linked: BoardChannelLinked): RenderedCard {
  const { channel, link, installed } = linked;
  return renderMessageCard({
    title: `${channel.name} is now the board channel of ${link.programmeId}`,
    lines: [
      installed
        ? 'I added Action Tracker to its team, so I can post there.'
        : 'Action Tracker was already in its team.',
      `The board digest will be posted in ${channel.name} before each board meeting. /unlink board, typed in that channel, stops it.`,
    ],
  });
}

/** Why `/link board <channel link>` did not link the channel, and what to do instead. */
export function boardChannelFailureCard(failure: BoardChannelFailure): RenderedCard {
  const refuse = (title: string, ...lines: string[]) => renderRefusalCard({ title, lines });
  switch (failure.code) {
    case 'NOT_ADMIN':
    case 'PROGRAMME_NOT_FOUND':
      return adminFailureCard(failure.code);
    case 'NOT_A_CHANNEL_LINK':
      return refuse(
        'That is not a link to a Teams channel',
        PROBLEMS[failure.problem],
        WHERE_THE_LINK_IS,
      );
    case 'OTHER_TENANT':
      return refuse(
        'That channel is in another organisation',
        `The link is for a team in organisation (tenant) ${failure.channel.tenantId}, not yours. The board channel must be in your own organisation’s Teams.`,
        WHERE_THE_LINK_IS,
      );
    case 'INSTALL_NOT_PERMITTED':
      return refuse(
        'I may not add Action Tracker to that team yet',
        `Microsoft Graph refused (403): an administrator of your Microsoft Entra tenant must grant the app registration the application permission ${failure.permission} and give admin consent (docs/deploy.md, step 7). Then type the same /link board again.`,
        'Or add the app to the team yourself (Apps, then Action Tracker, then Add to a team) and type /link board in the channel.',
        NOTHING_LINKED,
      );
    case 'TEAM_NOT_FOUND':
      return refuse(
        'Microsoft Graph does not know that team',
        `No team has the group id ${failure.channel.teamId}: it may have been deleted, or the link copied wrongly. ${NOTHING_LINKED}`,
        WHERE_THE_LINK_IS,
      );
    case 'INSTALL_OFF':
      return refuse(
        'I cannot add Action Tracker to teams here',
        `${failure.detail} Add the app to the team yourself (Apps, then Action Tracker, then Add to a team) and type /link board in the channel.`,
        NOTHING_LINKED,
      );
    case 'INSTALL_BUSY':
      return refuse(
        'Microsoft Graph is busy',
        `${failure.detail} Try the same /link board again in a few minutes.`,
        NOTHING_LINKED,
      );
    case 'INSTALL_REFUSED':
      return refuse(
        'Microsoft Graph would not add the app to that team',
        failure.detail,
        NOTHING_LINKED,
      );
  }
}
