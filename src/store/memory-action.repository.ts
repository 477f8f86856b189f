import type { Action } from '../domain/action.js';
import { replacesAgreed } from '../domain/agreed-due.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { ActionRepository, RecordUpdateResult } from './action.repository.js';
import { codeKey, compareRefs } from './keys.js';
import { assertUpdateFits } from './limits.js';
import {
  appendHistory,
  byNewest,
  byWorkstreamThenRef,
  readAction,
  statusKey,
  toCurrent,
  UNRATED_ETAG,
  type MemoryState,
} from './memory-state.js';
import type { Versioned } from './versioned.js';

/** The in-memory fake of {@link ActionRepository}, for unit tests and local experiments. */
export function createMemoryActionRepository(state: MemoryState): ActionRepository {
  const definitions = (programmeId: string): Action[] => [
    ...(state.plans.get(codeKey(programmeId))?.actions.values() ?? []),
  ];
  const definition = (programmeId: string, ref: string): Action | undefined =>
    state.plans.get(codeKey(programmeId))?.actions.get(codeKey(ref));
  const read = (list: readonly Action[]): Versioned<Action>[] =>
    list.map((action) => readAction(state, action)).sort(byWorkstreamThenRef);

  return {
    listByWorkstream(programmeId, workstream) {
      const code = codeKey(workstream);
      return Promise.resolve(
        read(definitions(programmeId).filter((action) => codeKey(action.workstream) === code)),
      );
    },

    listByProgramme(programmeId) {
      return Promise.resolve(read(definitions(programmeId)));
    },

    listRefs(programmeId) {
      return Promise.resolve(
        definitions(programmeId)
          .map((action) => action.ref)
          .sort(compareRefs),
      );
    },

    listByOwnerRoles(programmeId, roles) {
      const wanted = new Set(roles.map(codeKey));
      return Promise.resolve(
        read(definitions(programmeId).filter((action) => wanted.has(codeKey(action.ownerRole)))),
      );
    },

    get(programmeId, ref) {
      const found = definition(programmeId, ref);
      if (!found) return Promise.resolve(null);
      // Read in the same step as the action, so as current as a read beside it.
      const programme = state.programmes.get(codeKey(programmeId));
      return Promise.resolve({
        ...readAction(state, found),
        ...(programme ? { programme: structuredClone(programme) } : {}),
      });
    },

    withHistory(programmeId, ref) {
      const found = definition(programmeId, ref);
      if (!found) return Promise.resolve(null);
      const history = state.history.get(statusKey(programmeId, ref)) ?? [];
      return Promise.resolve({
        action: readAction(state, found),
        history: structuredClone(history),
      });
    },

    history(programmeId, ref) {
      if (!definition(programmeId, ref)) return Promise.resolve([]);
      const list = state.history.get(statusKey(programmeId, ref)) ?? [];
      return Promise.resolve(structuredClone(list));
    },

    historyOfProgramme(programmeId) {
      const plan = state.plans.get(codeKey(programmeId));
      const all = [...(plan?.actions.values() ?? [])].flatMap(
        (action) => state.history.get(statusKey(programmeId, action.ref)) ?? [],
      );
      return Promise.resolve(structuredClone(all.sort(byNewest)));
    },

    recordUpdate(update: StatusUpdate, expectedEtag: string): Promise<RecordUpdateResult> {
      // Through a promise so that a refusal (TOO_LARGE) rejects, as the Azure store's does.
      return Promise.resolve().then(() => record(update, expectedEtag));
    },

    keepAgreedDue(programmeId, ref, agreed) {
      if (!definition(programmeId, ref)) return Promise.resolve(false);
      const key = statusKey(programmeId, ref);
      if (replacesAgreed(state.agreed.get(key) ?? null, agreed)) {
        state.agreed.set(key, structuredClone(agreed));
      }
      return Promise.resolve(true);
    },
  };

  function record(update: StatusUpdate, expectedEtag: string): RecordUpdateResult {
    const found = definition(update.programmeId, update.ref);
    if (!found) return { ok: false, code: 'ACTION_NOT_FOUND' };
    assertUpdateFits(update);
    const key = statusKey(update.programmeId, update.ref);
    const status = state.statuses.get(key);
    if ((status?.etag ?? UNRATED_ETAG) !== expectedEtag) {
      return {
        ok: false,
        code: 'STALE_UPDATE',
        current: readAction(state, found),
      };
    }
    state.statuses.set(key, {
      current: toCurrent(update),
      proposedDue: update.proposedDue ?? status?.proposedDue ?? null,
      etag: state.nextEtag(),
    });
    appendHistory(state, key, [update]);
    return { ok: true, action: readAction(state, found) };
  }
}
