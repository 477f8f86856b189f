import { codeKey } from './keys.js';
import type { ScheduleMarkRepository } from './schedule-marks.repository.js';

/**
 * The in-memory fake of {@link ScheduleMarkRepository}: a counter per programme, raised by
 * `touch`. The memory store touches it on every write the Tables store marks by rows it
 * writes anyway (a Save, a plan, the programme's settings).
 */
export function createMemoryScheduleMarks(): ScheduleMarkRepository {
  const counts = new Map<string, number>();
  return {
    read: (programmeId) => Promise.resolve(String(counts.get(codeKey(programmeId)) ?? 0)),
    touch: (programmeId) => {
      const key = codeKey(programmeId);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return Promise.resolve();
    },
  };
}
