import type { RevisionRequest } from '../../domain/revision.js';
import type { SignOffQuery } from '../../domain/sign-off.js';
import type { OutboxMessage, OutboxRepository } from '../../store/outbox.repository.js';
import type { Clock } from '../clock.js';

/**
 * The kinds of governance message, each written to the outbox before it is sent so a restart
 * neither loses nor repeats one. A row says what it is about, not what it says: the card is
 * drawn when it is sent, so a decider who has not yet looked sees the outcome if someone
 * decided first.
 */
export const GOVERNANCE_KINDS = [
  'revision-request',
  'revision-outcome',
  'sign-off',
  'sign-off-query',
  'query-answer',
] as const;
export type GovernanceKind = (typeof GOVERNANCE_KINDS)[number];

export function isGovernanceKind(kind: string): kind is GovernanceKind {
  return (GOVERNANCE_KINDS as readonly string[]).includes(kind);
}

/** What a governance row carries: the id of the thing it is about. */
export interface GovernancePayload {
  readonly requestId?: string;
  readonly queryId?: string;
  readonly workstream?: string;
}

export interface GovernanceNotices {
  /** Each decider gets the request's card. */
  revisionRequested(request: RevisionRequest, deciders: readonly string[]): Promise<void>;
  /** The owner who asked is told the outcome in their chat. */
  revisionDecided(request: RevisionRequest): Promise<void>;
  /** A workstream lead gets the period's sign-off card. */
  signOffDue(
    programmeId: string,
    periodId: string,
    workstream: string,
    leads: readonly string[],
  ): Promise<void>;
  /** The owner gets the lead's query. */
  queried(query: SignOffQuery, owners: readonly string[]): Promise<void>;
  /** The lead is told the owner's answer. */
  answered(query: SignOffQuery): Promise<void>;
}

type GovernanceRowFields = Pick<
  OutboxMessage,
  'programmeId' | 'periodId' | 'kind' | 'recipient'
> & {
  readonly id: string;
  readonly payload: GovernancePayload;
};

/** A governance row: one per thing, kind and recipient, so writing it twice adds nothing. */
function governanceRowOf(fields: GovernanceRowFields, at: Date): OutboxMessage {
  const now = at.toISOString();
  return {
    // The programme first, as every outbox key: its sender lists it by that prefix.
    key: [fields.programmeId, 'gov', fields.kind, fields.id, fields.recipient].join('|'),
    programmeId: fields.programmeId,
    periodId: fields.periodId,
    kind: fields.kind,
    recipient: fields.recipient,
    payload: { ...fields.payload },
    state: 'planned',
    attempts: 0,
    lastError: null,
    notBefore: now,
    activityId: null,
    updatedAt: now,
  };
}

/**
 * A workstream lead's sign-off card for a period: keyed by period and workstream, so it is
 * planned once however often (or on however many instances) the schedule runs.
 */
export function signOffRowOf(
  programmeId: string,
  periodId: string,
  workstream: string,
  recipient: string,
  at: Date,
): OutboxMessage {
  return governanceRowOf(
    {
      programmeId,
      periodId,
      kind: 'sign-off',
      recipient,
      id: `${periodId}|${workstream.toUpperCase()}`,
      payload: { workstream },
    },
    at,
  );
}

export function createGovernanceNotices(options: {
  readonly outbox: Pick<OutboxRepository, 'add'>;
  readonly clock: Clock;
}): GovernanceNotices {
  async function add(fields: GovernanceRowFields): Promise<void> {
    await options.outbox.add(governanceRowOf(fields, options.clock.now()));
  }

  return {
    async revisionRequested(request, deciders) {
      for (const recipient of deciders) {
        await add({
          programmeId: request.programmeId,
          periodId: '',
          kind: 'revision-request',
          recipient,
          id: request.id,
          payload: { requestId: request.id },
        });
      }
    },
    async revisionDecided(request) {
      await add({
        programmeId: request.programmeId,
        periodId: '',
        kind: 'revision-outcome',
        recipient: request.askedBy,
        id: request.id,
        payload: { requestId: request.id },
      });
    },
    async signOffDue(programmeId, periodId, workstream, leads) {
      for (const recipient of leads) {
        await options.outbox.add(
          signOffRowOf(programmeId, periodId, workstream, recipient, options.clock.now()),
        );
      }
    },
    async queried(query, owners) {
      for (const recipient of owners) {
        await add({
          programmeId: query.programmeId,
          periodId: query.periodId,
          kind: 'sign-off-query',
          recipient,
          id: query.id,
          payload: { queryId: query.id },
        });
      }
    },
    async answered(query) {
      await add({
        programmeId: query.programmeId,
        periodId: query.periodId,
        kind: 'query-answer',
        recipient: query.raisedBy,
        id: query.id,
        payload: { queryId: query.id },
      });
    },
  };
}
