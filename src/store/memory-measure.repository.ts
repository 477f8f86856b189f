import type { MeasureValue } from '../domain/measure-value.js';
import { historyOrderKey } from './keys.js';
import { codeKey } from './keys.js';
import { assertTextFits } from './limits.js';
import type { MeasureRepository } from './measure.repository.js';
import type { MemoryState } from './memory-state.js';

/** The in-memory fake of {@link MeasureRepository}. */
export function createMemoryMeasureRepository(state: MemoryState): MeasureRepository {
  const newestFirst = (programmeId: string): MeasureValue[] =>
    [...(state.measureValues.get(codeKey(programmeId)) ?? [])]
      .sort((a, b) => compare(historyOrderKey(a), historyOrderKey(b)))
      .map((value) => structuredClone(value));
  return {
    list(programmeId) {
      return Promise.resolve(
        structuredClone([...(state.measures.get(codeKey(programmeId)) ?? [])]),
      );
    },
    history(programmeId) {
      return Promise.resolve(newestFirst(programmeId));
    },
    historyOf(programmeId, code) {
      const wanted = codeKey(code);
      return Promise.resolve(newestFirst(programmeId).filter((v) => codeKey(v.code) === wanted));
    },
    record(value) {
      return Promise.resolve().then(() => appendMeasureValues(state, value.programmeId, [value]));
    },
  };
}

/** Adds values whose ids are new; a known id is left as it was. */
export function appendMeasureValues(
  state: MemoryState,
  programmeId: string,
  values: readonly MeasureValue[],
): void {
  for (const value of values) assertTextFits('note', value.note, `the value of ${value.code}`);
  const key = codeKey(programmeId);
  const list = state.measureValues.get(key) ?? [];
  const known = new Set(list.map((value) => value.id));
  for (const value of values) {
    if (!known.has(value.id)) list.push(structuredClone(value));
    known.add(value.id);
  }
  state.measureValues.set(key, list);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
