/** Time as a port: use cases and handlers ask the clock, so tests can say what "now" is. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
