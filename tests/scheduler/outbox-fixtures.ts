import { silentLogger } from '../../src/app/logger.js';
import { unavailableInstaller } from '../../src/graph/graph-app-installer.js';
import { createPersonReach, type PersonReach } from '../../src/scheduler/reach-person.js';
import type { ConversationRepository } from '../../src/store/conversation.repository.js';
import type { StoredConversation } from '../../src/store/conversation.repository.js';
import type { OutboxMessage } from '../../src/store/outbox.repository.js';
import type { MessageTransport, SendOutcome } from '../../src/scheduler/message-transport.js';

export function promptRow(
  recipient: string,
  now: Date,
  overrides: Partial<OutboxMessage> = {},
): OutboxMessage {
  return {
    key: `wsoa|Jan 2021|prompt|${recipient}`,
    programmeId: 'wsoa',
    periodId: 'Jan 2021',
    kind: 'prompt',
    recipient,
    payload: {
      role: 'ADES',
      onBehalfOf: null,
      refs: ['A1'],
      sections: [],
      until: '2021-01-16T00:00:00.000Z',
    },
    state: 'planned',
    attempts: 0,
    lastError: null,
    notBefore: now.toISOString(),
    activityId: null,
    updatedAt: now.toISOString(),
    ...overrides,
  };
}

export function personalChat(email: string, tenantId = 'tenant-1'): StoredConversation {
  return {
    key: `personal:${email}`,
    kind: 'personal',
    tenantId,
    aadObjectId: email,
    email,
    reference: { conversation: { id: `a:${email}` }, serviceUrl: 'http://127.0.0.1/teams/' },
    updatedAt: '2021-01-01T00:00:00.000Z',
  };
}

/**
 * A stand-in for the Connector behind the MessageTransport port: records what arrived, answers
 * with the statuses a test queues. Like Teams, it cannot be asked afterwards what arrived.
 */
export interface RecordingTransport extends MessageTransport {
  readonly delivered: { readonly key: string; readonly recipient: string }[];
  /** Answers for the next sends, in order; then every send succeeds. */
  fail(...outcomes: SendOutcome[]): void;
}

export function createRecordingTransport(): RecordingTransport {
  const queued: SendOutcome[] = [];
  const delivered: { key: string; recipient: string }[] = [];
  const transport: RecordingTransport = {
    delivered,
    fail: (...outcomes) => queued.push(...outcomes),
    send(message) {
      const next = queued.shift();
      if (next && !next.ok) return Promise.resolve(next);
      delivered.push({ key: message.key, recipient: message.recipient });
      return Promise.resolve({ ok: true, activityId: `activity-${delivered.length}` });
    },
  };
  return transport;
}

export function refusal(status: number, retryAfterMs: number | null = null): SendOutcome {
  return {
    ok: false,
    status,
    retryAfterMs,
    code: status === 403 ? 'ConversationBlockedByUser' : null,
    message: `Connector said ${status}`,
  };
}

/** Proactive install switched off, as without Graph settings: people with no chat stay unreachable. */
export function installOff(conversations: Pick<ConversationRepository, 'save'>): PersonReach {
  return createPersonReach({
    conversations,
    installer: unavailableInstaller('PROACTIVE_INSTALL is off.'),
    conversationOf: () => {
      throw new Error('Nothing is installed with proactive install off.');
    },
    logger: silentLogger,
  });
}
