import type { Logger } from '../app/logger.js';
import type {
  ConversationRepository,
  StoredConversation,
} from '../store/conversation.repository.js';
import type { OutboxMessage, OutboxRepository } from '../store/outbox.repository.js';
import type { PersonRepository } from '../store/role.repository.js';
import type { Versioned } from '../store/versioned.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import type { MessageTransport, SendOutcome } from './message-transport.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Timer } from './timer.js';
import { clearUnreachable, isPersonRecipient, markUnreachable } from './unreachable.js';

/** Far enough ahead that a given-up message is never listed as pending again. */
export const NEVER = '9999-12-31T23:59:59.999Z';

export interface DeliveryPorts {
  readonly outbox: Pick<OutboxRepository, 'update'>;
  readonly conversations: Pick<ConversationRepository, 'get' | 'getPersonalByEmail'>;
  readonly people: Pick<PersonRepository, 'get' | 'save'>;
  readonly transport: MessageTransport;
  readonly limiter: RateLimiter;
  readonly timer: Timer;
  readonly logger: Logger;
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  readonly maxAttempts: number;
  /** A message left in `sending` this long is taken as abandoned by a crashed instance. */
  readonly sendingTimeoutMs: number;
}

export type DeliveryResult =
  'sent' | 'already-delivered' | 'retry' | 'gave-up' | 'unreachable' | 'taken';

async function conversationOf(
  ports: DeliveryPorts,
  recipient: string,
): Promise<StoredConversation | null> {
  return isPersonRecipient(recipient)
    ? ports.conversations.getPersonalByEmail(recipient)
    : ports.conversations.get(recipient);
}

function untilOf(message: OutboxMessage): string | null {
  const until = message.payload['until'];
  return typeof until === 'string' ? until : null;
}

/**
 * Delivers one outbox message at most once per claim: it is marked `sending` (with ETag, so
 * only one instance can claim it) immediately before the Connector call and `sent` right after
 * the 2xx. The only ambiguous case is a message found in `sending` after a crash; it is
 * checked with the channel first and re-sent only when the channel has no record of it or
 * cannot say (a prompt sent twice is better than a prompt never sent).
 */
export async function deliverMessage(
  ports: DeliveryPorts,
  entry: Versioned<OutboxMessage>,
): Promise<DeliveryResult> {
  const { outbox, timer, logger } = ports;
  const found = entry.value;
  const recovering = found.state === 'sending';
  const stamp = (): string => timer.now().toISOString();

  const until = untilOf(found);
  if (until !== null && timer.now().toISOString() >= until && !recovering) {
    const done = await outbox.update(
      {
        ...found,
        state: 'failed',
        lastError: 'No longer worth sending: its day has passed.',
        notBefore: NEVER,
        updatedAt: stamp(),
      },
      entry.etag,
    );
    return done.ok ? 'gave-up' : 'taken';
  }

  const conversation = await conversationOf(ports, found.recipient);
  if (conversation === null) {
    const done = await outbox.update(
      {
        ...found,
        state: 'unreachable',
        lastError: 'No conversation with the recipient: the app is not installed for them.',
        updatedAt: stamp(),
      },
      entry.etag,
    );
    if (!done.ok) return 'taken';
    await markUnreachable(ports.people, found.recipient, 'not-installed', timer.now());
    return 'unreachable';
  }

  for (;;) {
    const wait = ports.limiter.take(conversation.key, conversation.tenantId);
    if (wait === 0) break;
    await timer.sleep(wait);
  }

  const claimedAt = timer.now();
  const claimed: OutboxMessage = {
    ...found,
    state: 'sending',
    attempts: found.attempts + 1,
    notBefore: new Date(claimedAt.getTime() + ports.sendingTimeoutMs).toISOString(),
    updatedAt: claimedAt.toISOString(),
  };
  const claim = await outbox.update(claimed, entry.etag);
  if (!claim.ok) return 'taken';

  if (recovering) {
    const check = await ports.transport.checkDelivered(found, conversation);
    if (check.delivered === true) {
      await finish(ports, claimed, claim.etag, { ok: true, activityId: check.activityId });
      return 'already-delivered';
    }
    if (check.delivered === 'unknown') {
      logger.warn(
        'Sending again a message whose earlier attempt was cut short; it may arrive twice',
        {
          key: found.key,
          reason: check.reason,
        },
      );
    }
  }

  let outcome: SendOutcome;
  try {
    outcome = await ports.transport.send(claimed, conversation);
  } catch (error: unknown) {
    outcome = {
      ok: false,
      status: 0,
      retryAfterMs: null,
      code: null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  return finish(ports, claimed, claim.etag, outcome);
}

async function finish(
  ports: DeliveryPorts,
  claimed: OutboxMessage,
  etag: string,
  outcome: SendOutcome,
): Promise<DeliveryResult> {
  const now = ports.timer.now();
  const base = { ...claimed, updatedAt: now.toISOString() };
  let next: OutboxMessage;
  let result: DeliveryResult;
  if (outcome.ok) {
    next = { ...base, state: 'sent', activityId: outcome.activityId, lastError: null };
    result = 'sent';
  } else {
    const error = `${outcome.status} ${outcome.code ?? ''} ${outcome.message}`
      .replace(/\s+/g, ' ')
      .trim();
    if (outcome.status === 403 || outcome.status === 404) {
      next = { ...base, state: 'unreachable', lastError: error };
      result = 'unreachable';
    } else if (claimed.attempts >= ports.maxAttempts) {
      next = {
        ...base,
        state: 'failed',
        lastError: `Gave up after ${claimed.attempts} attempts: ${error}`,
        notBefore: NEVER,
      };
      result = 'gave-up';
    } else {
      const delay = retryDelayMs({
        attempts: claimed.attempts,
        retryAfterMs: outcome.retryAfterMs,
        random: ports.random,
        policy: ports.backoff,
      });
      next = {
        ...base,
        state: 'failed',
        lastError: error,
        notBefore: new Date(now.getTime() + delay).toISOString(),
      };
      result = 'retry';
    }
  }
  const written = await ports.outbox.update(next, etag);
  if (!written.ok) {
    // Only a claim older than the sending timeout can be taken over, so this means a send
    // took longer than that; the other instance's check decides whether it goes again.
    ports.logger.error('The outbox row changed while it was being sent', {
      key: claimed.key,
      result,
    });
  }
  if (result === 'sent') await clearUnreachable(ports.people, claimed.recipient);
  if (result === 'unreachable') {
    const reason = outcome.ok || outcome.status === 403 ? 'blocked' : 'not-installed';
    await markUnreachable(ports.people, claimed.recipient, reason, now);
  }
  return result;
}
