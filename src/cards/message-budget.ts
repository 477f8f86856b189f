import { z } from 'zod';

/**
 * The one size budget for every message the bot sends. Teams measures a message as the whole
 * serialised activity in UTF-16 (two bytes a code unit: twice the UTF-8 size of plain ASCII),
 * refuses one over about 100 KB with 413 MessageSizeTooBig, and recommends staying within
 * 80 KB (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages,
 * https://learn.microsoft.com/answers/questions/5566078, and the status codes in
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
 */
export const TEAMS_RECOMMENDED_BYTES = 80 * 1024;

/**
 * What the channel adds around a card before it leaves (conversation, from, recipient, service
 * URL, channel data, ids): measured at about 1.2 KB in UTF-16 for a channel post with a long
 * thread id, rounded up. Cards are fitted to the budget less this, so the activity as sent fits.
 */
export const ENVELOPE_ALLOWANCE_BYTES = 2 * 1024;

/** Bytes as Teams counts them: the JSON of the activity, two bytes per UTF-16 code unit. */
export function teamsMessageBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}

export interface MessageBudget {
  /** The most an activity may weigh, as Teams counts. */
  readonly bytes: number;
  /** Whether the whole activity, as it will be sent, is within the budget. */
  readonly fits: (activity: unknown) => boolean;
  /** Whether a card or activity body still leaves room for the envelope. */
  readonly fitsWithEnvelope: (body: unknown) => boolean;
}

export function createMessageBudget(bytes: number = TEAMS_RECOMMENDED_BYTES): MessageBudget {
  return {
    bytes,
    fits: (activity) => teamsMessageBytes(activity) <= bytes,
    fitsWithEnvelope: (body) => teamsMessageBytes(body) + ENVELOPE_ALLOWANCE_BYTES <= bytes,
  };
}

const EnvSchema = z.object({
  MESSAGE_BUDGET_KB: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number()
      .int()
      .min(
        16,
        'MESSAGE_BUDGET_KB must be at least 16: smaller cannot hold one action with its steps.',
      )
      .max(80, "MESSAGE_BUDGET_KB may only lower the budget below Teams' recommended 80.")
      .default(80),
  ),
});

/** `MESSAGE_BUDGET_KB` (16–80, default 80); throws naming the setting when it is out of range. */
export function readMessageBudget(
  env: Readonly<Record<string, string | undefined>>,
): MessageBudget {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The message budget setting is not valid:\n  - ${problems.join('\n  - ')}`);
  }
  return createMessageBudget(parsed.data.MESSAGE_BUDGET_KB * 1024);
}

/**
 * Splits `items` into as few consecutive groups as it can, each of which `render` turns into a
 * message within the budget. Greedy: a group grows until one more item would not fit. An item
 * too big to fit even alone gets a group of its own and is reported, so the caller can
 * summarise it rather than send something Teams would refuse.
 */
export function splitToBudget<T, R>(
  items: readonly T[],
  render: (group: readonly T[], index: number) => R,
  fits: (rendered: R) => boolean,
): { readonly groups: readonly (readonly T[])[]; readonly oversized: readonly T[] } {
  const groups: T[][] = [];
  const oversized: T[] = [];
  let current: T[] = [];
  for (const item of items) {
    const trial = [...current, item];
    if (fits(render(trial, groups.length))) {
      current = trial;
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    if (!fits(render(current, groups.length))) {
      oversized.push(item);
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return { groups, oversized };
}
