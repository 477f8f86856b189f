import type { Clock } from '../app/clock.js';

/**
 * The clock the scheduler reads and the only way it waits. Tests pass a manual timer whose
 * `sleep` moves its own time forward, so a day of schedule runs without waiting.
 */
export interface Timer extends Clock {
  sleep(ms: number): Promise<void>;
}

export const systemTimer: Timer = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** A timer that never waits: `sleep` advances its time. `set` moves it (tests, simulations). */
export interface ManualTimer extends Timer {
  set(instant: Date): void;
  advance(ms: number): void;
}

export function createManualTimer(start: Date): ManualTimer {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    },
    set: (instant) => {
      now = instant.getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
