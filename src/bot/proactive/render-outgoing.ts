import type { Activity } from 'botbuilder';
import type { DigestUseCase } from '../../app/digest/digest.use-case.js';
import type { MessageViews } from '../../app/prompt/message-view.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';
import { digestMessageOf } from '../digest-message.js';
import { renderEscalationCard } from '../../cards/escalation.card.js';
import { renderPromptCard } from '../../cards/prompt.card.js';
import {
  governanceCardOf,
  isGovernanceKind,
  type GovernanceOutgoingPorts,
} from './governance-outgoing.js';

/**
 * The activity each kind of outbox message becomes: prompts, reminders and nudges as the
 * prompt card, escalations as the missing-updates card with Chase, digests as the digest
 * card. A message that cannot be built throws, and the scheduler retries it with backoff.
 */
export function createOutgoingRenderer(options: {
  readonly views: MessageViews;
  /** Without it, digest rows cannot be sent (they stay failed with the reason). */
  readonly digest?: Pick<DigestUseCase, 'build'>;
  /** Requests for later dates, sign-off cards, queries and their answers. */
  readonly governance: GovernanceOutgoingPorts;
}): (message: OutboxMessage) => Promise<Partial<Activity>> {
  return async (message) => {
    if (isGovernanceKind(message.kind)) {
      return {
        type: 'message',
        attachments: [await governanceCardOf(options.governance, message)],
      };
    }
    if (message.kind === 'digest') {
      if (!options.digest) throw new Error('This instance cannot build digests.');
      const built = await options.digest.build({
        programmeId: message.programmeId,
        periodId: message.periodId,
      });
      if (!built.ok) throw new Error(`The digest could not be built: ${built.code}`);
      return { type: 'message', attachments: [digestMessageOf(built.value).card] };
    }
    const result = await options.views.viewOf(message);
    if (!result.ok) throw new Error(`The ${message.kind} could not be built: ${result.code}`);
    const card =
      result.view.kind === 'escalation'
        ? renderEscalationCard(result.view)
        : renderPromptCard(result.view);
    return { type: 'message', attachments: [card] };
  };
}
