import { createInterface } from 'node:readline';

/**
 * Lines from stdin, one at a time, whether typed or piped: readline drops lines that arrive
 * while no question is pending, so they are queued here instead.
 */
export interface LineQueue {
  /** The next line, or null once input has ended. */
  next(prompt: string): Promise<string | null>;
  close(): void;
}

export function createLineQueue(): LineQueue {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  const waiting: string[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  rl.on('line', (line) => {
    waiting.push(line);
    wake?.();
  });
  // Ctrl+C ends the chat like Ctrl+D (readline would otherwise only pause the input).
  rl.on('SIGINT', () => rl.close());
  rl.on('close', () => {
    ended = true;
    wake?.();
  });
  return {
    async next(prompt) {
      rl.setPrompt(prompt);
      if (waiting.length === 0 && !ended && process.stdin.isTTY) rl.prompt();
      while (waiting.length === 0 && !ended) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      const line = waiting.shift();
      // Piped input is not echoed by a terminal: show the prompt and the line as if typed.
      if (line !== undefined && !process.stdin.isTTY) process.stdout.write(`${prompt}${line}\n`);
      return line ?? null;
    },
    close: () => rl.close(),
  };
}
