import { localDateOf } from '../../domain/calendar.js';
import { namedPeriodIfOpen } from '../reporting-day.js';
import { normaliseEmail, type Role } from '../../domain/people.js';
import type { Programme } from '../../domain/programme.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { OutboxRepository } from '../../store/outbox.repository.js';
import type { WorkstreamRepository } from '../../store/programme.repository.js';
import type { PersonRepository, RoleRepository } from '../../store/role.repository.js';
import { outboxRowOf } from './outbox-row.js';

export interface ChaseDeps {
  readonly actions: Pick<ActionRepository, 'listByProgramme'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly roles: Pick<RoleRepository, 'list'>;
  readonly people: Pick<PersonRepository, 'get'>;
  readonly outbox: Pick<OutboxRepository, 'add'>;
}

export type ChaseOutcome =
  | {
      readonly ok: true;
      /** Who gets a reminder now (by email). */
      readonly chased: readonly string[];
      /** Refs answered since the list was sent: nobody is chased for them. */
      readonly answered: readonly string[];
      /** Roles with nobody to chase. */
      readonly unassigned: readonly string[];
    }
  | { readonly ok: false; readonly code: 'NOT_LEAD' | 'PERIOD_NOT_FOUND' };

/**
 * "Chase" on the missing-updates card: a reminder now to the owner (or, while they are
 * away, the deputy) of each listed action still unanswered this period. Only a lead of one
 * of those workstreams, their deputy or an admin may chase; a second press adds nothing.
 */
export async function chaseMissing(
  deps: ChaseDeps,
  programme: Programme,
  request: { readonly periodId: string; readonly refs: readonly string[] },
  chaser: { readonly email: string | null; readonly isAdmin: boolean },
  now: Date,
): Promise<ChaseOutcome> {
  // Chasing is for answers still due: the period open now, never a closed or future one.
  const period = namedPeriodIfOpen(
    programme,
    request.periodId,
    localDateOf(now, programme.timeZone),
  );
  if (!period) return { ok: false, code: 'PERIOD_NOT_FOUND' };
  const [actions, workstreams, roles] = await Promise.all([
    deps.actions.listByProgramme(programme.id),
    deps.workstreams.list(programme.id),
    deps.roles.list(programme.id),
  ]);
  const wanted = new Set(request.refs.map((r) => r.toUpperCase()));
  const listed = actions.map((a) => a.value).filter((a) => wanted.has(a.ref.toUpperCase()));
  const roleOf = new Map<string, Role>(roles.map((r) => [r.code, r]));
  const email = chaser.email === null ? null : normaliseEmail(chaser.email);
  const leads = (code: string): boolean => {
    const lead = roleOf.get(workstreams.find((w) => w.code === code)?.leadRole ?? '');
    return lead !== undefined && email !== null && (lead.person === email || lead.deputy === email);
  };
  // The card's list of refs is input: a lead chases their own workstreams' owners, nobody else's.
  if (!chaser.isAdmin && (listed.length === 0 || !listed.every((a) => leads(a.workstream)))) {
    return { ok: false, code: 'NOT_LEAD' };
  }
  const missing = listed.filter((a) => a.current?.periodId !== period.id);
  const byRecipient = new Map<
    string,
    { role: string; onBehalfOf: string | null; refs: string[] }[]
  >();
  const unassigned = new Set<string>();
  const today = localDateOf(now, programme.timeZone);
  for (const action of missing) {
    const role = roleOf.get(action.ownerRole);
    if (!role?.person) {
      unassigned.add(action.ownerRole);
      continue;
    }
    const away = (await deps.people.get(role.person))?.awayUntil ?? null;
    const deputise = away !== null && away >= today && role.deputy !== null;
    const recipient = deputise && role.deputy ? role.deputy : role.person;
    const sections = byRecipient.get(recipient) ?? [];
    const onBehalfOf = deputise ? role.person : null;
    const section = sections.find((s) => s.role === role.code);
    if (section) section.refs.push(action.ref);
    else sections.push({ role: role.code, onBehalfOf, refs: [action.ref] });
    byRecipient.set(recipient, sections);
  }
  const until = new Date(now.getTime() + 24 * 3_600_000);
  for (const [recipient, sections] of byRecipient) {
    const first = sections[0];
    await deps.outbox.add(
      outboxRowOf(
        {
          key: `${programme.id}|${period.id}|chase|${recipient}`,
          kind: 'reminder',
          programmeId: programme.id,
          periodId: period.id,
          recipient,
          role: first?.role ?? '',
          onBehalfOf: first?.onBehalfOf ?? null,
          refs: sections.flatMap((s) => s.refs),
          sections,
          sendAt: now,
          until,
        },
        now,
      ),
    );
  }
  return {
    ok: true,
    chased: [...byRecipient.keys()],
    answered: listed.filter((a) => a.current?.periodId === period.id).map((a) => a.ref),
    unassigned: [...unassigned],
  };
}
