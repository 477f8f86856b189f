import type { RevisionRequest } from '../domain/revision.js';
import { byAskedAt, type RevisionRepository } from './revision.repository.js';

const key = (programmeId: string, id: string): string => `${programmeId.toUpperCase()}|${id}`;

/** The in-memory fake of {@link RevisionRepository}. */
export function createMemoryRevisionRepository(): RevisionRepository {
  const requests = new Map<string, RevisionRequest>();
  const list = (programmeId: string): RevisionRequest[] =>
    [...requests.values()]
      .filter((r) => r.programmeId.toUpperCase() === programmeId.toUpperCase())
      .map((r) => structuredClone(r))
      .sort(byAskedAt);
  return {
    ask(request) {
      const waiting = list(request.programmeId).find(
        (r) => r.ref.toUpperCase() === request.ref.toUpperCase() && r.decision === null,
      );
      if (waiting) return Promise.resolve({ ok: false, code: 'REQUEST_WAITING', waiting });
      requests.set(key(request.programmeId, request.id), structuredClone(request));
      return Promise.resolve({ ok: true });
    },
    get(programmeId, id) {
      const found = requests.get(key(programmeId, id));
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    listForAction: (programmeId, ref) =>
      Promise.resolve(list(programmeId).filter((r) => r.ref.toUpperCase() === ref.toUpperCase())),
    listForProgramme: (programmeId) => Promise.resolve(list(programmeId)),
    decide(programmeId, id, decision) {
      const found = requests.get(key(programmeId, id));
      if (!found) return Promise.resolve({ ok: false, code: 'REQUEST_NOT_FOUND' });
      if (found.decision) {
        return Promise.resolve({
          ok: false,
          code: 'ALREADY_DECIDED',
          request: structuredClone(found),
        });
      }
      const decided = { ...found, decision: { ...decision } };
      requests.set(key(programmeId, id), decided);
      return Promise.resolve({ ok: true, request: structuredClone(decided) });
    },
  };
}
