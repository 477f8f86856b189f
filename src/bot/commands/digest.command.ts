import type { DigestRequest } from '../../app/digest/digest.use-case.js';
import { closestMatches } from '../../app/suggestions.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { formatDateWithDay } from '../../domain/dates.js';
import { digestSchedule } from '../../domain/digest-schedule.js';
import type { Programme } from '../../domain/programme.js';
import { localTimeOf, localDateOf } from '../../domain/zoned-time.js';
import type { BotDependencies } from '../bot-dependencies.js';
import { digestMessageOf } from '../digest-message.js';
import { noProgrammeCard, notFoundCard } from '../replies.js';
import { programmeOfTurn, type Turn } from '../turn.js';
import type { Command, CommandReply } from './command.js';

async function digestReply(deps: BotDependencies, request: DigestRequest): Promise<CommandReply> {
  const result = await deps.digest.build(request);
  if (result.ok) return digestMessageOf(result.value).card;
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

/** The next digest the schedule will post, said as a person would read it. */
function nextScheduled(programme: Programme, now: Date): DigestRequest | null {
  const next = digestSchedule(programme).find((digest) => now < digest.until);
  if (!next) return null;
  const day = formatDateWithDay(localDateOf(next.sendAt, programme.timeZone));
  const time = localTimeOf(next.sendAt, programme.timeZone);
  return {
    programmeId: programme.id,
    periodId: next.periodId,
    preface: `Preview, seen only by you: the ${next.periodId} digest as it stands, due to be posted to the board channel on ${day} at ${time}.`,
  };
}

async function preview(
  turn: Turn,
  deps: BotDependencies,
  programme: Programme,
): Promise<CommandReply> {
  if (!turn.sender.isAdmin) {
    return renderMessageCard({
      title: 'Only programme admins can preview the scheduled digest',
      lines: ['Type /digest to see the digest as it stands now.'],
    });
  }
  if (turn.context.activity.conversation.conversationType !== 'personal') {
    return renderMessageCard({
      title: 'Preview the digest in our personal chat',
      lines: [
        'So the board does not see a draft, /digest preview works only in your personal chat with me.',
      ],
    });
  }
  const scheduled = nextScheduled(programme, deps.clock.now());
  return digestReply(
    deps,
    scheduled ?? {
      programmeId: programme.id,
      preface:
        'Preview, seen only by you: no board meeting is ahead in the calendar, so no digest is scheduled. This is the latest digest.',
    },
  );
}

export const digestCommand: Command = {
  name: 'digest',
  programmeScoped: true,
  usage: '/digest [workstream]',
  summary:
    "The board digest: counts by rating beside last period's, what moved, what is overdue, who has not reported, and owners' notes. Add a workstream code (/digest A) for one workstream; admins can type /digest preview in our personal chat.",
  async handle({ turn, args, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const word = args[0];
    if (word?.toLowerCase() === 'preview') return preview(turn, deps, programme);
    return digestReply(deps, {
      programmeId: programme.id,
      ...(word !== undefined && { workstream: word }),
    });
  },
};
