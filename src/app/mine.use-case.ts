import { normaliseEmail } from '../domain/people.js';
import type { IsoDate } from '../domain/local-date.js';
import type { Programme } from '../domain/programme.js';
import type { ActionRepository } from '../store/action.repository.js';
import type { RoleRepository } from '../store/role.repository.js';
import { actionLineOf, type ActionLine } from './action-line.js';

export interface MineDeps {
  readonly roles: RoleRepository;
  readonly actions: ActionRepository;
}

export interface MyActions {
  readonly programme: Pick<Programme, 'id' | 'name'>;
  /** Roles this person holds in the programme, and those they deputise for. */
  readonly roles: readonly { readonly code: string; readonly as: 'person' | 'deputy' }[];
  readonly actions: readonly ActionLine[];
}

/** `/mine`: the actions owned by the roles this person holds or deputises for. */
export async function listMyActions(
  deps: MineDeps,
  programme: Programme,
  email: string,
  today: IsoDate,
): Promise<MyActions> {
  const assignments = (await deps.roles.rolesOf(normaliseEmail(email))).filter(
    (a) => a.programmeId === programme.id,
  );
  const codes = assignments.map((a) => a.role);
  const actions =
    codes.length === 0 ? [] : await deps.actions.listByOwnerRoles(programme.id, codes);
  return {
    programme: { id: programme.id, name: programme.name },
    roles: assignments.map((a) => ({ code: a.role, as: a.as })),
    actions: actions.map((a) => actionLineOf(a.value, today)),
  };
}

export interface MineUseCase {
  list(programme: Programme, email: string, today: IsoDate): Promise<MyActions>;
}

export function createMineUseCase(deps: MineDeps): MineUseCase {
  return { list: (programme, email, today) => listMyActions(deps, programme, email, today) };
}
