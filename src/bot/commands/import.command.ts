import { renderMessageCard } from '../../cards/message.card.js';
import { previewSentWorkbook } from '../import/import-flow.js';
import { downloadPolicyFor, sentFileOf } from '../import/workbook-download.js';
import type { Command } from './command.js';

/** A plan workbook sent to the bot: checked, then previewed with Confirm and Cancel. */
export const importCommand: Command = {
  name: 'import',
  usage: '/import (send the plan workbook, .xlsx, in this chat)',
  summary:
    'Send me the plan workbook as a file: I check it, show what would change, and import it when you confirm.',
  adminOnly: true,
  refuseOthersPolitely: true,
  acceptsFiles: true,
  async handle({ turn, deps }) {
    const { activity } = turn.context;
    const file = sentFileOf(activity.attachments);
    if (!file) {
      return renderMessageCard({
        title: 'Send me the plan workbook',
        lines: [
          'Attach the .xlsx file to a message in our personal chat; I will check it and show what would change before anything is imported.',
        ],
      });
    }
    return previewSentWorkbook(
      deps,
      turn.sender,
      file,
      downloadPolicyFor(activity.serviceUrl, deps.fileHosts),
    );
  },
};
