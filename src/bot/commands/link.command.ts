import { renderMessageCard } from '../../cards/message.card.js';
import { actorOf, adminFailureCard, programmeOf } from '../admin/admin-replies.js';
import { boardChannelFailureCard, boardChannelLinkedCard } from '../admin/board-channel-replies.js';
import type { Command, CommandRequest } from './command.js';

/**
 * The pasted link among the words after `/link board`, and the words left (the programme).
 * Teams may pass a pasted link on as an HTML anchor, which spans several words.
 */
export function splitAddress(
  words: readonly string[],
): { readonly address: string; readonly rest: string } | null {
  const text = words.join(' ');
  const found = /<a\b[^>]*>.*?<\/a>|\S*:\/\/\S*|\S*teams\.microsoft\S*/i.exec(text);
  if (!found) return null;
  const rest = `${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}`;
  return { address: found[0], rest: rest.trim() };
}

/**
 * `/link board <channel link> [programme]`, typed anywhere: installs the app in the channel's
 * team when it is not there yet (Teams tells a bot nothing of a team it is not in), then links
 * the channel.
 */
async function linkByAddress({ turn, deps }: CommandRequest, address: string, rest: string) {
  const programme = await programmeOf(turn, rest);
  if (!programme.ok) return programme.card;
  const { activity } = turn.context;
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  const result = await deps.boardChannel.linkByAddress(actorOf(turn.sender), {
    address,
    programmeId: programme.programmeId,
    tenantId: activity.conversation.tenantId ?? channelData.tenant?.id ?? null,
    endpoint: { serviceUrl: activity.serviceUrl, botId: activity.recipient.id },
  });
  return result.ok ? boardChannelLinkedCard(result.value) : boardChannelFailureCard(result.failure);
}

/** `/link board` (this channel gets the digests) and `/link` (this chat follows a programme). */
async function link(request: CommandRequest) {
  const { turn, args, deps } = request;
  const board = args[0]?.toLowerCase() === 'board';
  const pasted = board ? splitAddress(args.slice(1)) : null;
  if (pasted) return linkByAddress(request, pasted.address, pasted.rest);
  const programme = await programmeOf(turn, args.slice(board ? 1 : 0).join(' '));
  if (!programme.ok) return programme.card;
  const { conversation } = turn;
  const result = await deps.links.link(actorOf(turn.sender), {
    conversationKey: conversation.key,
    conversationKind: conversation.kind,
    programmeId: programme.programmeId,
    board,
  });
  if (!result.ok) return adminFailureCard(result.code);
  return renderMessageCard({
    title: board
      ? `This is now the board channel of ${result.value.programmeId}`
      : `This conversation now follows ${result.value.programmeId}`,
    lines: [
      board
        ? 'The board digest will be posted here before each board meeting. /unlink board stops it.'
        : 'Commands typed here are about this programme. /unlink undoes it.',
    ],
  });
}

/** `/unlink board` stops the digests here; `/unlink` forgets the link altogether. */
async function unlink({ turn, args, deps }: CommandRequest) {
  const board = args[0]?.toLowerCase() === 'board';
  const result = await deps.links.unlink(actorOf(turn.sender), turn.conversation.key, board);
  if (!result.ok) return adminFailureCard(result.code);
  return renderMessageCard({
    title: board
      ? 'Digests will no longer be posted here'
      : 'This conversation is no longer linked',
    lines: [`Programme ${result.value.programmeId} is unchanged; /link board links it again.`],
  });
}

export const linkCommand: Command = {
  name: 'link',
  usage: '/link board [channel link]',
  summary:
    'Typed in a channel: makes it the board channel that receives the digests. Anywhere else: paste the channel’s link (Get link to channel) after it; the app is added to its team.',
  adminOnly: true,
  refuseOthersPolitely: true,
  handle: link,
};

export const unlinkCommand: Command = {
  name: 'unlink',
  usage: '/unlink board',
  summary: 'Stops the digests in this channel (/unlink alone forgets its programme too).',
  adminOnly: true,
  refuseOthersPolitely: true,
  handle: unlink,
};
