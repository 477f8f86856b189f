import type { Person } from '../../domain/people.js';
import {
  GIVEN_UP,
  type OutboxMessage,
  type OutboxRepository,
} from '../../store/outbox.repository.js';
import type { PersonRepository } from '../../store/role.repository.js';

export interface DeliveryReportOptions {
  readonly people: Pick<PersonRepository, 'listUnreachable'>;
  readonly outbox: Pick<OutboxRepository, 'listByState'>;
}

/** A message that will not be sent again, with why (Teams' or Graph's answer, in words). */
export interface FailedMessage {
  readonly kind: string;
  readonly recipient: string;
  readonly periodId: string;
  readonly reason: string;
  readonly at: string;
}

export interface DeliveryReport {
  /** People the bot cannot message, oldest first. */
  readonly unreachable: readonly Person[];
  /** Messages failed for good, newest first (at most `FAILED_SHOWN`). */
  readonly failed: readonly FailedMessage[];
  /** How many failed for good in all, when more than were listed. */
  readonly failedTotal: number;
  /**
   * Microsoft Graph permissions an admin must grant before the people waiting on them can be
   * reached: each named once here, however many people it holds up.
   */
  readonly missingPermissions: readonly string[];
}

/** Enough for an admin to see what went wrong; the rest is counted, not listed. */
export const FAILED_SHOWN = 20;
const FAILED_READ = 500;

function failedOf(message: OutboxMessage): FailedMessage {
  return {
    kind: message.kind,
    recipient: message.recipient,
    periodId: message.periodId,
    reason: message.lastError ?? 'No reason was recorded.',
    at: message.updatedAt,
  };
}

/** `/unreachable`: who cannot be reached and which messages will not be sent, with reasons. */
export function createDeliveryReportUseCase(options: DeliveryReportOptions) {
  return {
    async report(): Promise<DeliveryReport> {
      const [people, failed] = await Promise.all([
        options.people.listUnreachable(),
        options.outbox.listByState('failed', FAILED_READ),
      ]);
      // A failed row due again later is still being retried; only those given up are final.
      const final = failed
        .filter((message) => message.notBefore >= GIVEN_UP)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const permissions = new Set(people.flatMap((person) => person.unreachable?.permission ?? []));
      return {
        unreachable: [...people].sort((a, b) =>
          (a.unreachable?.since ?? '').localeCompare(b.unreachable?.since ?? ''),
        ),
        failed: final.slice(0, FAILED_SHOWN).map(failedOf),
        failedTotal: final.length,
        missingPermissions: [...permissions].sort(),
      };
    },
  };
}

export type DeliveryReportUseCase = ReturnType<typeof createDeliveryReportUseCase>;
