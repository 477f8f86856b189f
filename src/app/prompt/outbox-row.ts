import type { ScheduledMessage } from '../../domain/prompt-schedule.js';
import type { ScheduledDigest } from '../../domain/digest-schedule.js';
import type { OutboxMessage } from '../../store/outbox.repository.js';

/**
 * What a prompt, reminder, nudge or escalation row carries: who it is about, not what it
 * says. The card is built when it is sent, from the actions as they stand then, so a rating
 * given between planning and sending shows, and a row stays small.
 */
export interface ScheduledPayload {
  readonly role: string;
  readonly onBehalfOf: string | null;
  readonly refs: readonly string[];
  readonly sections: readonly {
    readonly role: string;
    readonly onBehalfOf: string | null;
    readonly refs: readonly string[];
  }[];
  readonly sendAt: string;
  /** UTC ISO instant from which it is no longer worth sending. */
  readonly until: string;
}

function row(
  fields: Pick<
    OutboxMessage,
    'key' | 'programmeId' | 'periodId' | 'kind' | 'recipient' | 'payload'
  >,
  now: Date,
): OutboxMessage {
  return {
    ...fields,
    state: 'planned',
    attempts: 0,
    lastError: null,
    notBefore: now.toISOString(),
    activityId: null,
    updatedAt: now.toISOString(),
  };
}

export function outboxRowOf(message: ScheduledMessage, now: Date): OutboxMessage {
  const payload: ScheduledPayload = {
    role: message.role,
    onBehalfOf: message.onBehalfOf,
    refs: message.refs,
    sections: message.sections.map((s) => ({
      role: s.role,
      onBehalfOf: s.onBehalfOf,
      refs: s.refs,
    })),
    sendAt: message.sendAt.toISOString(),
    until: message.until.toISOString(),
  };
  return row({ ...message, payload: { ...payload } }, now);
}

export function digestRowOf(
  digest: ScheduledDigest,
  key: string,
  channel: string,
  now: Date,
): OutboxMessage {
  return row(
    {
      key,
      programmeId: digest.programmeId,
      periodId: digest.periodId,
      kind: 'digest',
      recipient: channel,
      payload: {
        boardMeeting: digest.boardMeeting,
        sendAt: digest.sendAt.toISOString(),
        until: digest.until.toISOString(),
      },
    },
    now,
  );
}

/** Reads a scheduled row's payload back; null when it is not one (a digest, say). */
export function scheduledPayloadOf(message: OutboxMessage): ScheduledPayload | null {
  const p = message.payload;
  const strings = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (typeof p['role'] !== 'string' || !strings(p['refs']) || !Array.isArray(p['sections']))
    return null;
  return p as unknown as ScheduledPayload;
}
