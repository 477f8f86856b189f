import type { GovernancePayload } from '../../app/governance/governance-notices.js';
import { isGovernanceKind } from '../../app/governance/governance-notices.js';
import type { RevisionUseCase } from '../../app/governance/revision.use-case.js';
import type { PeopleNamesReader } from '../../app/people-names.js';
import type { SignOffUseCase } from '../../app/governance/sign-off.use-case.js';
import { dateWord, dayOf, decisionSentence } from '../../cards/governance-words.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { renderRevisionRequestCard } from '../../cards/revision-request.card.js';
import { renderSignOffQueryCard } from '../../cards/sign-off-query.card.js';
import { renderSignOffCard } from '../../cards/sign-off.card.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';

export interface GovernanceOutgoingPorts {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly revisions: Pick<RevisionUseCase, 'find'>;
  readonly signOff: Pick<SignOffUseCase, 'findQuery' | 'sheet'>;
  readonly names: PeopleNamesReader;
}

export { isGovernanceKind };

function payloadOf(message: OutboxMessage): GovernancePayload {
  return message.payload;
}

/**
 * The card a governance outbox row becomes, drawn as things stand when it is sent: a
 * decider who has not looked yet sees the outcome if someone else decided first.
 */
export async function governanceCardOf(
  ports: GovernanceOutgoingPorts,
  message: OutboxMessage,
): Promise<RenderedCard> {
  const payload = payloadOf(message);
  const names = await ports.names.of(message.programmeId);
  switch (message.kind) {
    case 'revision-request':
    case 'revision-outcome': {
      const view = await ports.revisions.find(message.programmeId, payload.requestId ?? '');
      if (!view) throw new Error(`Request ${payload.requestId ?? ''} is not stored.`);
      if (message.kind === 'revision-request') return renderRevisionRequestCard({ ...view, names });
      const { request, summary } = view;
      const decision = request.decision;
      return renderMessageCard({
        title: `Your request for a later date for ${request.ref}: ${decision?.outcome ?? 'waiting'}`,
        lines: [
          decision ? decisionSentence(request, decision, names) : 'No one has decided yet.',
          `You asked on ${dayOf(request.askedAt)} for ${dateWord(request.toDue)}: ${request.reason}`,
          `Original due ${dateWord(summary.original)} · current due ${dateWord(summary.current)} · revised ${summary.timesRevised} ${summary.timesRevised === 1 ? 'time' : 'times'}`,
        ],
      });
    }
    case 'sign-off': {
      const programme = await ports.programmes.get(message.programmeId);
      if (!programme) throw new Error(`Programme ${message.programmeId} is not stored.`);
      const found = await ports.signOff.sheet(
        programme,
        payload.workstream ?? '',
        message.periodId,
      );
      if (!found.ok) throw new Error(`The sign-off card could not be built: ${found.code}`);
      return renderSignOffCard({ programmeId: programme.id, ...found.sheet, names });
    }
    case 'sign-off-query':
    case 'query-answer': {
      const found = await ports.signOff.findQuery(message.programmeId, payload.queryId ?? '');
      if (!found) throw new Error(`Query ${payload.queryId ?? ''} is not stored.`);
      if (message.kind === 'sign-off-query') return renderSignOffQueryCard({ ...found, names });
      const { query } = found;
      return renderMessageCard({
        title: `${query.answer ? names.person(query.answer.by) : 'The owner'} answered your query on ${query.ref}`,
        lines: [`You asked: ${query.question}`, `Answer: ${query.answer?.text ?? ''}`],
      });
    }
    default:
      throw new Error(`${message.kind} is not a governance message.`);
  }
}
