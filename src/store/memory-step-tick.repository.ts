import type { StepTick } from '../domain/step-completion.js';
import { compareRefs } from './keys.js';
import type { StepTickRepository } from './step-tick.repository.js';

const key = (programmeId: string, ref: string, letter: string): string =>
  `${programmeId.toUpperCase()}|${ref.toUpperCase()}|${letter.toLowerCase()}`;

function byRefThenLetter(a: StepTick, b: StepTick): number {
  return compareRefs(a.ref, b.ref) || compareRefs(a.letter, b.letter);
}

/** The in-memory fake of {@link StepTickRepository}. */
export function createMemoryStepTickRepository(): StepTickRepository {
  const ticks = new Map<string, StepTick>();
  const list = (programmeId: string): StepTick[] =>
    [...ticks.values()]
      .filter((t) => t.programmeId.toUpperCase() === programmeId.toUpperCase())
      .map((t) => ({ ...t }))
      .sort(byRefThenLetter);
  return {
    tick(tick) {
      const stored = { ...tick, letter: tick.letter.toLowerCase() };
      ticks.set(key(tick.programmeId, tick.ref, tick.letter), stored);
      return Promise.resolve();
    },
    untick: (programmeId, ref, letter) =>
      Promise.resolve(ticks.delete(key(programmeId, ref, letter))),
    listForAction: (programmeId, ref) =>
      Promise.resolve(list(programmeId).filter((t) => t.ref.toUpperCase() === ref.toUpperCase())),
    listForProgramme: (programmeId) => Promise.resolve(list(programmeId)),
  };
}
