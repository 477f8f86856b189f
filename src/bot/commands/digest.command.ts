import type {
  DigestEdition,
  DigestReading,
  DigestResult,
} from '../../app/digest/digest.use-case.js';
import { closestMatches } from '../../app/suggestions.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { BotDependencies } from '../bot-dependencies.js';
import { digestMessageOf } from '../digest-message.js';
import { noProgrammeCard, notFoundCard } from '../replies.js';
import { programmeOfTurn } from '../turn.js';
import type { Command, CommandReply } from './command.js';

// Embedded (no public address), the chart alone can take a digest past Teams' limit: then it
// goes in words, which carry the same facts.
function replyOf(result: DigestResult, fits: (card: unknown) => boolean): CommandReply {
  if (result.ok) return digestMessageOf(result.value, fits).card;
  switch (result.code) {
    case 'WORKSTREAM_NOT_FOUND':
      return notFoundCard(
        'a workstream called',
        result.workstream,
        closestMatches(result.workstream, result.known, 2),
        (code) => `/digest ${code}`,
      );
    case 'PERIOD_NOT_FOUND':
      return renderMessageCard({
        title: 'There is no reporting period to digest yet',
        lines: ['A programme admin can set the reporting calendar; then /digest works.'],
      });
    case 'PROGRAMME_NOT_FOUND':
      return noProgrammeCard();
  }
}

/** Words that pick an edition (`/digest draft A`); `preview` was the admins' word for a draft. */
const EDITIONS = new Map<string, DigestEdition>([
  ['draft', 'draft'],
  ['preview', 'draft'],
  ['sent', 'sent'],
  ['last', 'sent'],
]);

async function readingReply(deps: BotDependencies, reading: DigestReading): Promise<CommandReply> {
  const result = await deps.digest.read(reading);
  if (result.ok || result.code !== 'DRAFT_NOT_ALLOWED')
    return replyOf(result, deps.messageBudget.fitsWithEnvelope);
  return renderMessageCard({
    title: "Only those who prepare the board see the coming digest's draft",
    lines: [
      "The board's chair, the workstream leads and programme admins can. Type /digest for the digest last posted to the board.",
    ],
  });
}

export const digestCommand: Command = {
  name: 'digest',
  programmeScoped: true,
  usage: '/digest [draft|sent] [workstream]',
  summary:
    "The board digest: counts by rating beside last period's, what moved, what is overdue, who has not reported, and owners' notes. It is the one last posted to the board; the board's chair, workstream leads and admins see the coming board's draft in our personal chat (/digest sent for the last one). Add a workstream code (/digest A) for one workstream.",
  async handle({ turn, args, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const named = EDITIONS.get(args[0]?.toLowerCase() ?? '');
    const workstream = named === undefined ? args[0] : args[1];
    // A draft is not for the board's eyes yet, so it is shown only in a personal chat.
    const personal = turn.conversation.kind === 'personal';
    if (named === 'draft' && !personal) {
      return renderMessageCard({
        title: 'See the draft digest in our personal chat',
        lines: [
          'So the board does not see a draft, /digest draft works only in your personal chat with me.',
        ],
      });
    }
    return readingReply(deps, {
      programmeId: programme.id,
      edition: named ?? (personal ? 'best' : 'sent'),
      reader: { email: turn.sender.email, isAdmin: turn.sender.isAdmin },
      ...(workstream !== undefined && { workstream }),
    });
  },
};
