import pino from 'pino';
import type { Logger } from '../app/logger.js';
import { formatReadable } from './readable-log.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The service's logger: the app's Logger plus what the process itself needs. */
export interface ServiceLogger extends Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

export interface LoggerOptions {
  /** `json`: one JSON object per line, for log collectors; `readable`: for a person. */
  readonly format: 'json' | 'readable';
  /** Lowest level written. Default `info`. */
  readonly level?: LogLevel;
  /**
   * Values never to be written, wherever they turn up (the app password, the report-link key,
   * a storage account key): replaced by `[redacted]`.
   */
  readonly secrets?: readonly string[];
  /** Where lines go; stderr by default, so a terminal chat on stdout stays readable. */
  readonly write?: (line: string) => void;
}

/**
 * Names of fields that hold credentials, in any case, wherever they sit in a log line's fields
 * (an error's request headers, a settings object): their values are replaced whole, whatever
 * they are. Done as the fields are scrubbed, not by pino's redaction paths, which cost 0.1 ms
 * a line (a wildcard path for each name at each depth), fifty times the rest of the line.
 */
export const REDACTED_KEYS: ReadonlySet<string> = new Set(
  [
    'authorization',
    'password',
    'secret',
    'token',
    'accessToken',
    'access_token',
    'clientSecret',
    'client_secret',
    'connectionString',
    'cookie',
    'MicrosoftAppPassword',
    'REPORT_LINK_SECRET',
    'AZURE_STORAGE_CONNECTION_STRING',
  ].map((name) => name.toLowerCase()),
);

const REDACTED = '[redacted]';

/** Credentials inside text: bearer tokens, JWTs, account keys and signatures in addresses. */
const SECRET_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  [/\b(AccountKey|SharedAccessSignature|InstrumentationKey)=[^;\s"]+/gi, `$1=${REDACTED}`],
  [/([?&](?:sig|signature|code|token|access_token|client_secret)=)[^&\s"]+/gi, `$1${REDACTED}`],
];

/** A scrubber for text: the patterns above and the configured secret values. */
export function createTextScrubber(secrets: readonly string[]): (text: string) => string {
  // Short values would blank out ordinary words; a secret worth the name is longer.
  const values = secrets.filter((value) => value.length >= 8);
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join(REDACTED);
    for (const [pattern, replacement] of SECRET_TEXT) out = out.replace(pattern, replacement);
    return out;
  };
}

function scrubValue(value: unknown, scrub: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.has(key.toLowerCase()) ? REDACTED : scrubValue(item, scrub, depth + 1);
  }
  return out;
}

/** Logs through pino: credentials scrubbed from every field, JSON or readable lines, ISO times. */
export function createLogger(options: LoggerOptions): ServiceLogger {
  const scrub = createTextScrubber(options.secrets ?? []);
  const writeLine =
    options.write ??
    ((line: string) => void process.stderr.write(line.endsWith('\n') ? line : `${line}\n`));
  const destination = {
    write:
      options.format === 'json' ? writeLine : (line: string) => writeLine(formatReadable(line)),
  };
  const log = pino(
    {
      level: options.level ?? 'info',
      // App Service and collectors name the instance; a process id adds nothing there.
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => scrubValue(fields, scrub, 0) as Record<string, unknown>,
      },
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
    },
    destination,
  );
  const at =
    (level: LogLevel) =>
    (message: string, fields: Readonly<Record<string, unknown>> = {}): void => {
      log[level]({ ...fields }, scrub(message));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * The logger the settings ask for: `LOG_FORMAT` (`json` or `readable`; by default JSON unless
 * the output is a terminal), `LOG_LEVEL`, and the secret settings whose values must never
 * appear in a line.
 */
export function createLoggerFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<LoggerOptions> = {},
): ServiceLogger {
  const level = env['LOG_LEVEL']?.trim().toLowerCase();
  const levels: readonly string[] = ['debug', 'info', 'warn', 'error'];
  return createLogger({
    format: logFormatFrom(env),
    level: level !== undefined && levels.includes(level) ? (level as LogLevel) : 'info',
    secrets: secretsIn(env),
    ...overrides,
  });
}

/** `LOG_FORMAT` if set; otherwise readable at a terminal and JSON everywhere else. */
export function logFormatFrom(
  env: Readonly<Record<string, string | undefined>>,
): LoggerOptions['format'] {
  const format = env['LOG_FORMAT']?.trim().toLowerCase();
  if (format === 'json' || format === 'readable') return format;
  return process.stderr.isTTY ? 'readable' : 'json';
}

/** The values of the settings that are secrets, and the key inside a connection string. */
export function secretsIn(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = ['MicrosoftAppPassword', 'REPORT_LINK_SECRET']
    .map((name) => env[name]?.trim() ?? '')
    .filter((value) => value !== '');
  const key = /AccountKey=([^;]+)/i.exec(env['AZURE_STORAGE_CONNECTION_STRING'] ?? '')?.[1];
  if (key !== undefined) values.push(key);
  return values;
}
