import { renderMessageCard } from '../../cards/message.card.js';
import { actorOf, adminFailureCard, programmeOf } from '../admin/admin-replies.js';
import type { Command, CommandRequest } from './command.js';

/** `/link board` (this channel gets the digests) and `/link` (this chat follows a programme). */
async function link({ turn, args, deps }: CommandRequest) {
  const board = args[0]?.toLowerCase() === 'board';
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
  usage: '/link board',
  summary: 'Typed in a channel: makes it the board channel that receives the digests.',
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
