import type { Logger } from '../app/logger.js';

type Level = 'info' | 'warn' | 'error';

/** Where log lines go; stderr by default so a terminal chat on stdout stays readable. */
export interface ConsoleLoggerOptions {
  /** One JSON object per line (for log collectors) instead of readable text. */
  readonly json?: boolean;
  /** Lowest level written. Default `info`. */
  readonly level?: Level;
  readonly write?: (line: string) => void;
}

const RANK: Readonly<Record<Level, number>> = { info: 0, warn: 1, error: 2 };

/** A logger that writes one line per call, with the fields as JSON. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const lowest = RANK[options.level ?? 'info'];
  const log =
    (level: Level) =>
    (message: string, fields: Readonly<Record<string, unknown>> = {}): void => {
      if (RANK[level] < lowest) return;
      const time = new Date().toISOString();
      if (options.json === true) {
        write(JSON.stringify({ time, level, message, ...fields }));
        return;
      }
      const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      write(`${time} ${level.toUpperCase().padEnd(5)} ${message}${extra}`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
