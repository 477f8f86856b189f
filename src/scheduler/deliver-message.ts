import type { Logger } from '../app/logger.js';
import type {
  ConversationRepository,
  StoredConversation,
} from '../store/conversation.repository.js';
import { GIVEN_UP, type OutboxMessage, type OutboxRepository } from '../store/outbox.repository.js';
import type { PersonRepository } from '../store/role.repository.js';
import type { Versioned } from '../store/versioned.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { classifyDeliveryFailure } from './delivery-failure.js';
import type { MessageTransport, SendOutcome } from './message-transport.js';
import type { RateLimiter } from './rate-limiter.js';
import type { PersonReach, ReachResult } from './reach-person.js';
import type { Timer } from './timer.js';
import { clearUnreachable, isPersonRecipient, markUnreachable } from './unreachable.js';

/** Far enough ahead that a given-up message is never listed as pending again. */
export const NEVER = GIVEN_UP;

export interface DeliveryPorts {
  readonly outbox: Pick<OutboxRepository, 'update'>;
  readonly conversations: Pick<ConversationRepository, 'get' | 'getPersonalByEmail'>;
  readonly people: Pick<PersonRepository, 'get' | 'save'>;
  readonly transport: MessageTransport;
  /** Installs the app for a person with no chat with the bot (proactive install). */
  readonly reach: PersonReach;
  readonly limiter: RateLimiter;
  readonly timer: Timer;
  readonly logger: Logger;
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  readonly maxAttempts: number;
  /** A message left in `sending` this long is taken as abandoned by a crashed instance. */
  readonly sendingTimeoutMs: number;
  /** Told how long each Connector call took, so concurrency can follow its latency. */
  readonly observeSendMs?: (ms: number) => void;
}

/** `refused`: Teams or Graph refused for good (413, 400, 401): failed, not sent again. */
export type DeliveryResult = 'sent' | 'retry' | 'gave-up' | 'unreachable' | 'refused' | 'taken';

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

/** Graph finds a person best by object id; the email is all a role may have. */
async function reachPerson(ports: DeliveryPorts, email: string): Promise<ReachResult> {
  const person = await ports.people.get(email);
  return ports.reach.reach(person?.aadObjectId ?? email);
}

/**
 * Delivers one outbox message at most once per claim: it is marked `sending` (with ETag, so
 * only one instance can claim it) immediately before the Connector call and `sent` right after
 * the 2xx. A person with no chat with the bot is first installed for through Graph. A message
 * found in `sending` after a crash is sent again: Teams has no API to ask whether an activity
 * arrived, so it may arrive twice (docs/scheduler.md, "After a crash").
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

  let conversation = await conversationOf(ports, found.recipient);
  if (conversation === null && isPersonRecipient(found.recipient)) {
    const reached = await reachPerson(ports, found.recipient);
    if (!reached.ok) return settleUnreached(ports, entry, reached);
    conversation = reached.conversation;
  }
  if (conversation === null) {
    const done = await outbox.update(
      {
        ...found,
        state: 'unreachable',
        lastError: 'No conversation with this channel: the app is not in its team.',
        updatedAt: stamp(),
      },
      entry.etag,
    );
    return done.ok ? 'unreachable' : 'taken';
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
    logger.warn(
      'Sending again a message whose earlier attempt was cut short; it may arrive twice',
      {
        key: found.key,
      },
    );
  }

  let outcome = await sendOnce(ports, claimed, conversation);
  if (!outcome.ok && isPersonRecipient(found.recipient)) {
    const failure = classifyDeliveryFailure(outcome.status, outcome.code);
    // The app was removed since the chat was saved: install it again, once, and resend.
    if (failure.kind === 'permanent' && failure.unreachable === 'not-installed') {
      const reached = await reachPerson(ports, found.recipient);
      if (reached.ok)
        outcome = await sendOnce(ports, withProgress(claimed, outcome), reached.conversation);
    }
  }
  return finish(ports, claimed, claim.etag, outcome);
}

async function sendOnce(
  ports: DeliveryPorts,
  message: OutboxMessage,
  conversation: StoredConversation,
): Promise<SendOutcome> {
  const started = performance.now();
  try {
    const outcome = await ports.transport.send(message, conversation);
    ports.observeSendMs?.(performance.now() - started);
    return outcome;
  } catch (error: unknown) {
    return {
      ok: false,
      status: 0,
      retryAfterMs: null,
      code: null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Records how many of a message's parts Teams accepted, so a retry sends only the rest. */
function withProgress(message: OutboxMessage, outcome: SendOutcome): OutboxMessage {
  if (outcome.ok || outcome.partsSent === undefined) return message;
  return { ...message, payload: { ...message.payload, partsSent: outcome.partsSent } };
}

/** A person Graph could not install for: settled without a claim or a Connector call. */
async function settleUnreached(
  ports: DeliveryPorts,
  entry: Versioned<OutboxMessage>,
  reached: Exclude<ReachResult, { ok: true }>,
): Promise<DeliveryResult> {
  const found = entry.value;
  const now = ports.timer.now();
  const base = { ...found, updatedAt: now.toISOString() };
  switch (reached.kind) {
    case 'unreachable': {
      const done = await ports.outbox.update(
        { ...base, state: 'unreachable', lastError: reached.detail },
        entry.etag,
      );
      if (!done.ok) return 'taken';
      await markUnreachable(
        ports.people,
        found.recipient,
        reached.reason,
        now,
        reached.detail,
        reached.permission,
      );
      return 'unreachable';
    }
    case 'failed': {
      const done = await ports.outbox.update(
        { ...base, state: 'failed', lastError: reached.detail, notBefore: NEVER },
        entry.etag,
      );
      return done.ok ? 'refused' : 'taken';
    }
    case 'retry': {
      const attempts = found.attempts + 1;
      const givingUp = attempts >= ports.maxAttempts;
      const delay = retryDelayMs({
        attempts,
        retryAfterMs: reached.retryAfterMs,
        random: ports.random,
        policy: ports.backoff,
      });
      const done = await ports.outbox.update(
        {
          ...base,
          state: 'failed',
          attempts,
          lastError: givingUp
            ? `Gave up after ${attempts} attempts: ${reached.detail}`
            : reached.detail,
          notBefore: givingUp ? NEVER : new Date(now.getTime() + delay).toISOString(),
        },
        entry.etag,
      );
      if (!done.ok) return 'taken';
      return givingUp ? 'gave-up' : 'retry';
    }
  }
}

async function finish(
  ports: DeliveryPorts,
  claimed: OutboxMessage,
  etag: string,
  outcome: SendOutcome,
): Promise<DeliveryResult> {
  const now = ports.timer.now();
  const base = { ...withProgress(claimed, outcome), updatedAt: now.toISOString() };
  let next: OutboxMessage;
  let result: DeliveryResult;
  let unreachable: { reason: 'blocked' | 'not-installed'; detail: string } | null = null;
  if (outcome.ok) {
    next = { ...base, state: 'sent', activityId: outcome.activityId, lastError: null };
    result = 'sent';
  } else {
    const error = `${outcome.status} ${outcome.code ?? ''} ${outcome.message}`
      .replace(/\s+/g, ' ')
      .trim();
    const failure = classifyDeliveryFailure(outcome.status, outcome.code);
    if (failure.kind === 'permanent') {
      next = {
        ...base,
        state: failure.unreachable === null ? 'failed' : 'unreachable',
        lastError: `${failure.reason} (${error})`.slice(0, 1_000),
        notBefore: NEVER,
      };
      result = failure.unreachable === null ? 'refused' : 'unreachable';
      if (failure.unreachable !== null)
        unreachable = { reason: failure.unreachable, detail: failure.reason };
      ports.logger.error('Teams refused a message for good; it is not sent again', {
        key: claimed.key,
        status: outcome.status,
        code: outcome.code,
        reason: failure.reason,
      });
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
    // took longer than that; the other instance sends it again.
    ports.logger.error('The outbox row changed while it was being sent', {
      key: claimed.key,
      result,
    });
  }
  if (result === 'sent') await clearUnreachable(ports.people, claimed.recipient);
  if (unreachable !== null) {
    await markUnreachable(
      ports.people,
      claimed.recipient,
      unreachable.reason,
      now,
      unreachable.detail,
    );
  }
  return result;
}
