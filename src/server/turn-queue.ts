/**
 * How many turns the bot runs at once; the rest wait, in the order they came. Each turn does
 * a little work before its first wait on storage (reading the activity, checking its token).
 * When a thousand first messages arrive together, all of that was done in one pass of the
 * event loop: it stalled for up to 1.3 s (p99 0.5–0.9 s), and the health check and the
 * scheduler's timers with it. Sixty-four at once keep the CPU and storage busy and the loop's
 * delay p99 near 100–160 ms (`npm run bench first-contact`); in a run with sixteen, the last
 * people waited longer.
 */
export const TURNS_AT_ONCE = 64;

export interface TurnQueue {
  /** Runs `turn` once fewer than the limit are running, after those that came before it. */
  run<T>(turn: () => Promise<T>): Promise<T>;
}

export function createTurnQueue(limit: number = TURNS_AT_ONCE): TurnQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const leave = () => {
    const next = waiting.shift();
    // The place passes straight to the next in line, so nobody arriving meanwhile jumps it.
    if (next) next();
    else running -= 1;
  };
  return {
    async run(turn) {
      if (running < limit) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await turn();
      } finally {
        leave();
      }
    },
  };
}
