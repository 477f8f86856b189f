import type { SignOffQuery, WorkstreamSignOff } from '../domain/sign-off.js';
import { compareRefs } from './keys.js';
import { byRaisedAt, type SignOffRepository } from './sign-off.repository.js';

const signOffKey = (
  s: Pick<WorkstreamSignOff, 'programmeId' | 'periodId' | 'workstream'>,
): string => `${s.programmeId.toUpperCase()}|${s.periodId}|${s.workstream.toUpperCase()}`;
const queryKey = (programmeId: string, id: string): string => `${programmeId.toUpperCase()}|${id}`;

/** The in-memory fake of {@link SignOffRepository}. */
export function createMemorySignOffRepository(): SignOffRepository {
  const signOffs = new Map<string, WorkstreamSignOff>();
  const queries = new Map<string, SignOffQuery>();
  return {
    record(signOff, raised) {
      const current = signOffs.get(signOffKey(signOff));
      if (current) {
        return Promise.resolve({
          ok: false,
          code: 'ALREADY_SIGNED_OFF',
          current: structuredClone(current),
        });
      }
      signOffs.set(signOffKey(signOff), structuredClone(signOff));
      for (const query of raised)
        queries.set(queryKey(query.programmeId, query.id), structuredClone(query));
      return Promise.resolve({ ok: true });
    },
    listForPeriod: (programmeId, periodId) =>
      Promise.resolve(
        [...signOffs.values()]
          .filter(
            (s) =>
              s.programmeId.toUpperCase() === programmeId.toUpperCase() && s.periodId === periodId,
          )
          .map((s) => structuredClone(s))
          .sort((a, b) => compareRefs(a.workstream, b.workstream)),
      ),
    listQueries: (programmeId) =>
      Promise.resolve(
        [...queries.values()]
          .filter((q) => q.programmeId.toUpperCase() === programmeId.toUpperCase())
          .map((q) => structuredClone(q))
          .sort(byRaisedAt),
      ),
    getQuery(programmeId, id) {
      const found = queries.get(queryKey(programmeId, id));
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    answer(programmeId, id, answer) {
      const found = queries.get(queryKey(programmeId, id));
      if (!found) return Promise.resolve({ ok: false, code: 'QUERY_NOT_FOUND' });
      if (found.answer) {
        return Promise.resolve({
          ok: false,
          code: 'ALREADY_ANSWERED',
          query: structuredClone(found),
        });
      }
      const answered = { ...found, answer: { ...answer } };
      queries.set(queryKey(programmeId, id), answered);
      return Promise.resolve({ ok: true, query: structuredClone(answered) });
    },
  };
}
