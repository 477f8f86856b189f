import { isOverdue } from '../domain/action-facts.js';
import { dueDay, type IsoDate } from '../domain/local-date.js';
import type { Programme } from '../domain/programme.js';
import type { ActionRepository } from '../store/action.repository.js';
import { actionLineOf, type ActionLine } from './action-line.js';

export interface OverdueDeps {
  readonly actions: ActionRepository;
}

export interface OverdueActions {
  readonly programme: Pick<Programme, 'id' | 'name'>;
  readonly today: IsoDate;
  /** Longest overdue first. */
  readonly actions: readonly ActionLine[];
}

/** `/overdue`: actions whose (revised) due date has passed and that are not Blue. */
export async function listOverdueActions(
  deps: OverdueDeps,
  programme: Programme,
  today: IsoDate,
): Promise<OverdueActions> {
  const overdue = (await deps.actions.listByProgramme(programme.id))
    .map((a) => a.value)
    .filter((a) => isOverdue(a, today))
    .map((a) => actionLineOf(a, today))
    .sort(
      (a, b) =>
        (dueDay(a.due) ?? '').localeCompare(dueDay(b.due) ?? '') || a.ref.localeCompare(b.ref),
    );
  return { programme: { id: programme.id, name: programme.name }, today, actions: overdue };
}

export interface OverdueUseCase {
  list(programme: Programme, today: IsoDate): Promise<OverdueActions>;
}

export function createOverdueUseCase(deps: OverdueDeps): OverdueUseCase {
  return { list: (programme, today) => listOverdueActions(deps, programme, today) };
}
