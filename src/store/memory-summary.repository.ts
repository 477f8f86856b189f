import { summarise } from '../domain/status-summary.js';
import { codeKey, compareRefs } from './keys.js';
import { readAction, type MemoryState } from './memory-state.js';
import type { SummaryRepository, WorkstreamSummary } from './summary.repository.js';

/**
 * The in-memory fake of {@link SummaryRepository}: worked out from the actions when asked,
 * which is cheap in memory and always what a kept summary must equal.
 */
export function createMemorySummaryRepository(state: MemoryState): SummaryRepository {
  const summaries = (programmeId: string): WorkstreamSummary[] => {
    const plan = state.plans.get(codeKey(programmeId));
    if (!plan) return [];
    const actions = [...plan.actions.values()].map((action) => readAction(state, action).value);
    // Actions of a workstream the plan does not list are counted too, under its code.
    const listed = [...plan.workstreams];
    for (const action of actions) {
      if (listed.some((workstream) => codeKey(workstream.code) === codeKey(action.workstream))) {
        continue;
      }
      listed.push({
        programmeId: action.programmeId,
        code: action.workstream,
        name: action.workstream,
        leadRole: '',
        aim: '',
      });
    }
    // The plan's order, then the workstreams only actions name, by code.
    const unlisted = listed
      .slice(plan.workstreams.length)
      .sort((a, b) => compareRefs(a.code, b.code));
    return [...listed.slice(0, plan.workstreams.length), ...unlisted].map((workstream) => ({
      code: workstream.code,
      name: workstream.name,
      summary: summarise(
        actions.filter((action) => codeKey(action.workstream) === codeKey(workstream.code)),
      ),
    }));
  };
  return {
    listByProgramme: (programmeId) => Promise.resolve(summaries(programmeId)),
    get: (programmeId, code) =>
      Promise.resolve(
        summaries(programmeId).find((found) => codeKey(found.code) === codeKey(code)) ?? null,
      ),
  };
}
