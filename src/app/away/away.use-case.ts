import { addDays, isoDateOf } from '../../domain/dates.js';
import { isIsoDate, type IsoDate } from '../../domain/local-date.js';
import { normaliseEmail, type Person } from '../../domain/people.js';
import type {
  PersonRepository,
  RoleAssignment,
  RoleRepository,
} from '../../store/role.repository.js';
import type { ScheduleMarkRepository } from '../../store/schedule-marks.repository.js';

export interface AwayDeps {
  readonly people: Pick<PersonRepository, 'get' | 'save'>;
  readonly roles: Pick<RoleRepository, 'rolesOf' | 'get'>;
  /** So the scheduler plans again where the person holds a role: their deputy takes over. */
  readonly scheduleMarks: Pick<ScheduleMarkRepository, 'touch'>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads the date in "/away until 20 Jan" (also "20 January", "20 Jan 2021", "2021-01-20",
 * "20/01/2021"). Without a year it is the next 20 Jan from today. Null when unreadable.
 */
export function readAwayDate(words: readonly string[], today: IsoDate): IsoDate | null {
  const text = words
    .join(' ')
    .trim()
    .toLowerCase()
    .replace(/^until\s+/, '')
    .replace(/(\d)(st|nd|rd|th)\b/, '$1');
  if (isIsoDate(text)) return text;
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (slashed) return validDate(Number(slashed[3]), Number(slashed[2]), Number(slashed[1]));
  const named = /^(\d{1,2})\s+([a-z]+)(?:\s+(\d{4}))?$/.exec(text);
  if (!named) return null;
  const month = MONTHS.indexOf((named[2] ?? '').slice(0, 3)) + 1;
  if (month === 0) return null;
  const day = Number(named[1]);
  if (named[3] !== undefined) return validDate(Number(named[3]), month, day);
  const year = Number(today.slice(0, 4));
  const thisYear = validDate(year, month, day);
  return thisYear !== null && thisYear >= today ? thisYear : validDate(year + 1, month, day);
}

function validDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = isoDateOf(year, month, day);
  // 31 Feb would roll into March: refuse it rather than guess.
  return addDays(addDays(date, 1), -1) === date && Number(date.slice(8, 10)) === day ? date : null;
}

export type AwayOutcome =
  | {
      readonly ok: true;
      readonly until: IsoDate;
      /** Roles the person holds and who stands in for each (null: nobody, prompts still come). */
      readonly cover: readonly { readonly role: string; readonly deputy: string | null }[];
    }
  | { readonly ok: false; readonly code: 'AWAY_DATE_UNREADABLE'; readonly text: string }
  | { readonly ok: false; readonly code: 'AWAY_DATE_PAST'; readonly until: IsoDate };

/** `/away until 20 Jan`: prompts go to the deputy of each role up to and including that day. */
export async function markAway(
  deps: AwayDeps,
  email: string,
  words: readonly string[],
  today: IsoDate,
): Promise<AwayOutcome> {
  const until = readAwayDate(words, today);
  if (until === null) return { ok: false, code: 'AWAY_DATE_UNREADABLE', text: words.join(' ') };
  if (until < today) return { ok: false, code: 'AWAY_DATE_PAST', until };
  const held = await save(deps, email, until);
  const cover = await Promise.all(
    held.map(async (a) => ({
      role: a.role,
      deputy: (await deps.roles.get(a.programmeId, a.role))?.deputy ?? null,
    })),
  );
  return { ok: true, until, cover };
}

/** `/back`: prompts come to the person again. Returns the date they were away until, if any. */
export async function markBack(deps: AwayDeps, email: string): Promise<IsoDate | null> {
  const known = await deps.people.get(normaliseEmail(email));
  const was = known?.awayUntil ?? null;
  if (was !== null) await save(deps, email, null);
  return was;
}

/** Saves the person and marks each programme where they hold a role; returns those roles. */
async function save(
  deps: AwayDeps,
  email: string,
  awayUntil: IsoDate | null,
): Promise<RoleAssignment[]> {
  const key = normaliseEmail(email);
  const known = await deps.people.get(key);
  const person: Person = {
    email: key,
    name: known?.name ?? null,
    aadObjectId: known?.aadObjectId ?? null,
    awayUntil,
    unreachable: known?.unreachable ?? null,
  };
  await deps.people.save(person);
  const held = (await deps.roles.rolesOf(email)).filter((a) => a.as === 'person');
  const programmes = new Set(held.map((a) => a.programmeId));
  await Promise.all([...programmes].map((id) => deps.scheduleMarks.touch(id)));
  return held;
}

export interface AwayUseCase {
  markAway(email: string, words: readonly string[], today: IsoDate): Promise<AwayOutcome>;
  /** The day the person was away until; null when they were not away. */
  markBack(email: string): Promise<IsoDate | null>;
}

export function createAwayUseCase(deps: AwayDeps): AwayUseCase {
  return {
    markAway: (email, words, today) => markAway(deps, email, words, today),
    markBack: (email) => markBack(deps, email),
  };
}
