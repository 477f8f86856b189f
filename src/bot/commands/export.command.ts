import { uploadBoardPack } from '../board-pack-upload.js';
import type { Attachment, FileConsentCardResponse, TurnContext } from 'botbuilder';
import type { BotDependencies } from '../bot-dependencies.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { noProgrammeCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Sender } from '../sender.js';
import { boardPackFile } from '../../render/board-pack/board-pack.js';
import type { Command } from './command.js';

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** What the consent card carries to the accept invoke: enough to make the pack again. */
interface PackContext {
  readonly programmeId: string;
  readonly fileName: string;
}

function packContextOf(value: unknown): PackContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const { programmeId, fileName } = value as Record<string, unknown>;
  return typeof programmeId === 'string' && typeof fileName === 'string'
    ? { programmeId, fileName }
    : null;
}

/**
 * `/export`: Teams lets a bot send a file to a person only with their consent, and only in
 * personal chat. The bot offers the file with a consent card; on accept, Teams gives an upload
 * address in the person's OneDrive, the bot puts the bytes there and shows the file.
 */
export const exportCommand: Command = {
  name: 'export',
  programmeScoped: true,
  usage: '/export',
  summary: 'The board pack as a spreadsheet: the BRAG grid, a sheet per workstream, the ratings.',
  adminOnly: true,
  async handle({ turn, deps }) {
    if (turn.context.activity.conversation.conversationType !== 'personal') {
      return renderMessageCard({
        title: 'I send the board pack in our personal chat',
        lines: ['Teams lets me send files only there. Open a chat with me and type /export.'],
      });
    }
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const pack = await deps.exports.boardPack(programme.id);
    if (!pack.ok) return noProgrammeCard();
    const { fileName, bytes, actions, periods } = await boardPackFile(pack.value);
    const context: PackContext = { programmeId: programme.id, fileName };
    const consent: Attachment = {
      contentType: FILE_CONSENT,
      name: fileName,
      content: {
        description: `Board pack of ${programme.name}: ${actions} actions over ${periods} periods.`,
        sizeInBytes: bytes.length,
        acceptContext: context,
        declineContext: context,
      },
    };
    await turn.context.sendActivity({ type: 'message', attachments: [consent] });
    return `Press Allow on the card above and I will save ${fileName} to your OneDrive and share it here.`;
  },
};

/** Someone pressed Allow: make the pack, upload it to the address Teams gave, show the file. */
export async function acceptBoardPack(
  turn: TurnContext,
  response: FileConsentCardResponse,
  sender: Sender,
  deps: BotDependencies,
): Promise<void> {
  const context = packContextOf(response.context);
  const upload = response.uploadInfo;
  if (!context || !upload?.uploadUrl) {
    await turn.sendActivity(
      'That file card is not one of mine any more. Type /export for a new one.',
    );
    return;
  }
  if (!sender.isAdmin) {
    await turn.sendActivity('Only programme admins can export the board pack.');
    return;
  }
  const pack = await deps.exports.boardPack(context.programmeId);
  if (!pack.ok) {
    await turn.sendActivity(`The programme "${context.programmeId}" is no longer there.`);
    return;
  }
  const { bytes } = await boardPackFile(pack.value);
  const refused = await uploadBoardPack({
    uploadUrl: upload.uploadUrl,
    bytes,
    serviceUrl: turn.activity.serviceUrl,
    fileHosts: deps.fileHosts,
  }).catch((error: unknown) => {
    deps.logger.warn('The board pack upload failed', {
      programmeId: context.programmeId,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'could not be reached';
  });
  if (refused !== null) {
    deps.logger.warn('The board pack was not uploaded', {
      programmeId: context.programmeId,
      refused,
    });
    await turn.sendActivity(
      `The upload to your OneDrive failed (${refused}). Nothing was saved; type /export to try again.`,
    );
    return;
  }
  const info: Attachment = {
    contentType: FILE_INFO,
    contentUrl: upload.contentUrl ?? '',
    name: upload.name ?? context.fileName,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? 'xlsx' },
  };
  await turn.sendActivity({ type: 'message', attachments: [info] });
}

/** Someone pressed Decline: say so, and nothing is sent. */
export async function declineBoardPack(turn: TurnContext): Promise<void> {
  await turn.sendActivity('No problem: I have not sent the board pack. Type /export any time.');
}
