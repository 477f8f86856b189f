import type { Activity } from 'botbuilder';
import type { DigestUseCase } from '../../app/digest/digest.use-case.js';
import type { MessageViews } from '../../app/prompt/message-view.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';
import { digestMessageOf } from '../digest-message.js';
import { renderEscalationCard } from '../../cards/escalation.card.js';
import type { MessageBudget } from '../../cards/message-budget.js';
import { renderPromptCards } from '../../cards/prompt.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import {
  governanceCardOf,
  isGovernanceKind,
  type GovernanceOutgoingPorts,
} from './governance-outgoing.js';

const one = (card: RenderedCard): Partial<Activity>[] => [{ type: 'message', attachments: [card] }];

/**
 * The activities each kind of outbox message becomes: prompts, reminders and nudges as the
 * prompt card (several, each answerable alone, when one would not fit the budget),
 * escalations as the missing-updates card with Chase, digests as the digest card, governance
 * notices as their cards. A message that cannot be built throws, and the scheduler retries it
 * with backoff.
 */
export function createOutgoingRenderer(options: {
  readonly views: MessageViews;
  /** Without it, digest rows cannot be sent (they stay failed with the reason). */
  readonly digest?: Pick<DigestUseCase, 'build'>;
  /** Requests for later dates, sign-off cards, queries and their answers. */
  readonly governance: GovernanceOutgoingPorts;
  /** The budget the transport holds every activity to; prompts are split to fit it. */
  readonly budget: MessageBudget;
}): (message: OutboxMessage) => Promise<readonly Partial<Activity>[]> {
  return async (message) => {
    if (isGovernanceKind(message.kind)) {
      return one(await governanceCardOf(options.governance, message));
    }
    if (message.kind === 'digest') {
      if (!options.digest) throw new Error('This instance cannot build digests.');
      const built = await options.digest.build({
        programmeId: message.programmeId,
        periodId: message.periodId,
      });
      if (!built.ok) throw new Error(`The digest could not be built: ${built.code}`);
      return one(digestMessageOf(built.value, options.budget.fitsWithEnvelope).card);
    }
    const result = await options.views.viewOf(message);
    if (!result.ok) throw new Error(`The ${message.kind} could not be built: ${result.code}`);
    if (result.view.kind === 'escalation') return one(renderEscalationCard(result.view));
    return renderPromptCards(result.view, options.budget.fitsWithEnvelope).map((card) => ({
      type: 'message',
      attachments: [card],
    }));
  };
}
