import { normaliseEmail } from '../domain/people.js';
import { dueDay, type IsoDate } from '../domain/local-date.js';
import type { Programme } from '../domain/programme.js';
import type { ActionRepository } from '../store/action.repository.js';
import type { RoleAssignment, RoleRepository } from '../store/role.repository.js';
import { actionLineOf, type ActionLine } from './action-line.js';
import { periodOpenOn } from './reporting-day.js';

export interface MineDeps {
  readonly roles: RoleRepository;
  readonly actions: ActionRepository;
}

export interface MyActions {
  readonly programme: Pick<Programme, 'id' | 'name'>;
  /** Roles this person holds in the programme, and those they deputise for. */
  readonly roles: readonly { readonly code: string; readonly as: 'person' | 'deputy' }[];
  readonly actions: readonly ActionLine[];
  /** The period open today, or null once the calendar's last period has closed. */
  readonly period: { readonly id: string; readonly closes: IsoDate } | null;
  /**
   * Actions still waiting for this period's rating, soonest due first: every one not yet
   * rated in the open period and not Blue (Blue actions are done and not prompted again).
   */
  readonly toAnswer: readonly ActionLine[];
  /** The rest: answered this period, or Blue. */
  readonly others: readonly ActionLine[];
}

/** `/mine`: the actions owned by the roles this person holds or deputises for. */
export async function listMyActions(
  deps: MineDeps,
  programme: Programme,
  email: string,
  today: IsoDate,
): Promise<MyActions> {
  return listActionsOfRoles(
    deps,
    programme,
    await deps.roles.rolesOf(normaliseEmail(email)),
    today,
  );
}

/** The same, from the roles (in any programme) already read for this person. */
export async function listActionsOfRoles(
  deps: Pick<MineDeps, 'actions'>,
  programme: Programme,
  held: readonly RoleAssignment[],
  today: IsoDate,
): Promise<MyActions> {
  const assignments = held.filter((a) => a.programmeId === programme.id);
  const codes = assignments.map((a) => a.role);
  const actions =
    codes.length === 0 ? [] : await deps.actions.listByOwnerRoles(programme.id, codes);
  const lines = actions.map((a) => actionLineOf(a.value, today));
  const open = periodOpenOn(programme, today);
  const waiting = (line: ActionLine): boolean =>
    open !== undefined && line.rating !== 'Blue' && line.ratedIn !== open.id;
  return {
    programme: { id: programme.id, name: programme.name },
    roles: assignments.map((a) => ({ code: a.role, as: a.as })),
    actions: lines,
    period: open ? { id: open.id, closes: open.closes } : null,
    toAnswer: lines.filter(waiting).sort(byDue),
    others: lines.filter((line) => !waiting(line)),
  };
}

/** Soonest due first; undated and ongoing actions after the dated ones, then by reference. */
function byDue(a: ActionLine, b: ActionLine): number {
  const day = (line: ActionLine): string => dueDay(line.due) ?? '9999-12-31';
  return day(a).localeCompare(day(b)) || a.ref.localeCompare(b.ref, 'en', { numeric: true });
}

export interface MineUseCase {
  list(programme: Programme, email: string, today: IsoDate): Promise<MyActions>;
  /** From the person's roles already read this turn (the read rule's). */
  listForRoles(
    programme: Programme,
    held: readonly RoleAssignment[],
    today: IsoDate,
  ): Promise<MyActions>;
}

export function createMineUseCase(deps: MineDeps): MineUseCase {
  return {
    list: (programme, email, today) => listMyActions(deps, programme, email, today),
    listForRoles: (programme, held, today) => listActionsOfRoles(deps, programme, held, today),
  };
}
