import { z } from 'zod';

export interface SchedulerConfig {
  /** False with `SCHEDULER=off`: this instance answers chats but never sends on its own. */
  readonly enabled: boolean;
  /** node-cron expression of the tick; every minute by default. */
  readonly cron: string;
  /** Sends per second across one tenant (Teams allows about 30). */
  readonly ratePerSecond: number;
  /** Sends in flight at most: a ceiling concurrency grows to as the latency needs. */
  readonly concurrency: number;
  readonly leaseTtlMs: number;
  /** How long `sending` may last before another instance takes the message over. */
  readonly sendingTimeoutMs: number;
  readonly backoffBaseMs: number;
  readonly maxAttempts: number;
}

const blank = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const whole = (fallback: number, min: number, max: number) =>
  z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));

const EnvSchema = z.object({
  SCHEDULER: z.preprocess(blank, z.enum(['on', 'off']).default('on')),
  SCHEDULER_CRON: z.preprocess(blank, z.string().trim().default('* * * * *')),
  SEND_RATE_PER_SECOND: whole(30, 1, 1_000),
  SEND_CONCURRENCY: whole(32, 1, 64),
  SCHEDULER_LEASE_TTL_MS: whole(60_000, 1_000, 3_600_000),
  SENDING_TIMEOUT_MS: whole(120_000, 1_000, 3_600_000),
  SEND_BACKOFF_BASE_MS: whole(1_000, 10, 600_000),
  SEND_MAX_ATTEMPTS: whole(8, 1, 100),
});

/** Reads the scheduler's settings; throws an Error naming each bad setting and its limits. */
export function readSchedulerConfig(
  env: Readonly<Record<string, string | undefined>>,
): SchedulerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The scheduler's settings are not valid:\n  - ${problems.join('\n  - ')}`);
  }
  const value = parsed.data;
  return {
    enabled: value.SCHEDULER === 'on',
    cron: value.SCHEDULER_CRON,
    ratePerSecond: value.SEND_RATE_PER_SECOND,
    concurrency: value.SEND_CONCURRENCY,
    leaseTtlMs: value.SCHEDULER_LEASE_TTL_MS,
    sendingTimeoutMs: value.SENDING_TIMEOUT_MS,
    backoffBaseMs: value.SEND_BACKOFF_BASE_MS,
    maxAttempts: value.SEND_MAX_ATTEMPTS,
  };
}
