import { effectiveDue, type Action } from './action.js';
import { falseGreen, isOverdue, movement, rolledOver } from './action-facts.js';
import { ok, type Result } from './errors.js';
import { dueDay, type IsoDate } from './local-date.js';
import type { Person, Role } from './people.js';
import type { Programme, ReportingPeriod, Workstream } from './programme.js';
import {
  countRatings,
  NOT_RATED,
  type Rating,
  type RatingCounts,
  type RatingOrNotRated,
} from './rating.js';
import type { StatusUpdate } from './status-update.js';
import { latestUpdates, periodIndex, ratingInPeriod } from './update-history.js';

/** Everything a digest needs, as one readonly object. */
export interface DigestInput {
  readonly programme: Programme;
  readonly workstreams: readonly Workstream[];
  readonly actions: readonly Action[];
  readonly roles: readonly Role[];
  /** Every update so far; the period's and the earlier ones (for what moved). */
  readonly updates: readonly StatusUpdate[];
  readonly periodId: string;
  /** Local date in the programme's time zone, for what is overdue. */
  readonly today: IsoDate;
  /** People the bot could not reach, shown as warnings so someone can fix it. */
  readonly unreachable: readonly Person[];
  /** A workstream code to narrow the digest to, as `/digest EHC` does. */
  readonly workstream?: string;
}

export interface DigestAction {
  readonly ref: string;
  readonly title: string;
  readonly workstream: string;
  readonly ownerRole: string;
}

export interface DigestData {
  readonly programme: { readonly id: string; readonly name: string };
  readonly period: ReportingPeriod;
  readonly previousPeriod: ReportingPeriod | null;
  /** Null for the whole programme. */
  readonly workstream: Workstream | null;
  readonly counts: RatingCounts;
  /** Each action's latest rating at or before the previous period; null for the first. */
  readonly previousCounts: RatingCounts | null;
  readonly moved: readonly (DigestAction & {
    readonly direction: 'improved' | 'worsened';
    readonly from: Rating;
    readonly to: Rating;
  })[];
  readonly overdue: readonly (DigestAction & {
    readonly due: IsoDate;
    readonly rating: RatingOrNotRated;
  })[];
  readonly notReported: readonly (DigestAction & { readonly person: string | null })[];
  readonly warnings: readonly DigestWarning[];
  /** The period's notes (the newest update of each action), newest first. */
  readonly notes: readonly {
    readonly ref: string;
    readonly rating: Rating;
    readonly note: string;
    readonly by: string;
    readonly at: string;
  }[];
}

export type DigestWarning =
  | { readonly kind: 'false-green'; readonly ref: string; readonly message: string }
  | { readonly kind: 'rolled-over'; readonly ref: string; readonly message: string }
  | {
      readonly kind: 'unreachable';
      readonly person: string;
      readonly roles: readonly string[];
      readonly message: string;
    };

function describe(action: Action): DigestAction {
  const { ref, title, workstream, ownerRole } = action;
  return { ref, title, workstream, ownerRole };
}

function unreachableWarnings(
  people: readonly Person[],
  roles: readonly Role[],
  inScope: ReadonlySet<string>,
): DigestWarning[] {
  return people.flatMap((person) => {
    const held = roles
      .filter((r) => r.person === person.email || r.deputy === person.email)
      .map((r) => r.code)
      .filter((code) => inScope.has(code));
    if (held.length === 0) return [];
    const why =
      person.unreachable?.reason === 'blocked'
        ? 'has blocked the bot'
        : 'has not installed the app';
    return [
      {
        kind: 'unreachable' as const,
        person: person.email,
        roles: held,
        message: `Could not reach ${person.name ?? person.email} (${held.join(', ')}): ${why}.`,
      },
    ];
  });
}

/**
 * The content of a board digest as plain data, for one period and optionally one
 * workstream. A Blue action stays Blue in later periods without a new update: it is done,
 * so it is neither "not yet reported" nor prompted again.
 */
export function buildDigestData(
  input: DigestInput,
): Result<DigestData, { readonly code: 'PERIOD_NOT_FOUND' | 'WORKSTREAM_NOT_FOUND' }> {
  const { programme, periodId, today } = input;
  const index = periodIndex(programme, periodId);
  const period = programme.periods[index];
  if (!period) return { ok: false, code: 'PERIOD_NOT_FOUND' };
  const wanted = input.workstream?.trim().toLowerCase();
  const workstream = input.workstreams.find((w) => w.code.toLowerCase() === wanted) ?? null;
  if (wanted !== undefined && !workstream) return { ok: false, code: 'WORKSTREAM_NOT_FOUND' };
  const actions = input.actions.filter((a) => !workstream || a.workstream === workstream.code);

  const thisPeriod = latestUpdates(programme, input.updates, index, index);
  const before = latestUpdates(programme, input.updates, 0, index - 1);
  // The previous period counted by the same rule as this one, so the counts beside each
  // other and the chart's columns agree.
  const previousPeriod = latestUpdates(programme, input.updates, index - 1, index - 1);
  const beforePrevious = latestUpdates(programme, input.updates, 0, index - 2);
  const shown: RatingOrNotRated[] = [];
  const shownBefore: RatingOrNotRated[] = [];
  const moved: DigestData['moved'][number][] = [];
  const overdue: DigestData['overdue'][number][] = [];
  const notReported: DigestData['notReported'][number][] = [];
  const warnings: DigestWarning[] = [];

  for (const action of actions) {
    const update = thisPeriod.get(action.ref);
    const earlier = before.get(action.ref) ?? null;
    const rating = ratingInPeriod(update, earlier);
    shown.push(rating);
    shownBefore.push(
      ratingInPeriod(previousPeriod.get(action.ref), beforePrevious.get(action.ref)),
    );
    const snapshot = { ...action, current: rating === NOT_RATED ? null : { rating } };
    const due = dueDay(effectiveDue(action));
    if (due !== undefined && isOverdue(snapshot, today)) {
      overdue.push({ ...describe(action), due, rating });
    }
    if (rating === NOT_RATED) {
      const role = input.roles.find((r) => r.code === action.ownerRole);
      notReported.push({ ...describe(action), person: role?.person ?? null });
    }
    if (!update) continue;
    const direction = earlier ? movement(earlier.rating, update.rating) : 'same';
    if (earlier && direction !== 'same') {
      moved.push({ ...describe(action), direction, from: earlier.rating, to: update.rating });
    }
    const doubt = falseGreen(snapshot, today);
    if (doubt) warnings.push({ kind: 'false-green', ref: action.ref, message: doubt.message });
    if (rolledOver(update, earlier)) {
      const message = `${update.rating} again with no new note since the last period.`;
      warnings.push({ kind: 'rolled-over', ref: action.ref, message });
    }
  }

  const rolesInScope = new Set([
    ...actions.map((a) => a.ownerRole),
    ...input.workstreams.filter((w) => !workstream || w === workstream).map((w) => w.leadRole),
  ]);
  warnings.push(...unreachableWarnings(input.unreachable, input.roles, rolesInScope));

  const order = new Map(actions.map((a, i) => [a.ref, i]));
  const notes = actions
    .flatMap((a) => thisPeriod.get(a.ref) ?? [])
    .filter((u) => u.note.trim() !== '')
    .sort((a, b) => b.at.localeCompare(a.at) || (order.get(a.ref) ?? 0) - (order.get(b.ref) ?? 0))
    .map(({ ref, rating, note, by, at }) => ({ ref, rating, note, by, at }));

  return ok({
    programme: { id: programme.id, name: programme.name },
    period,
    previousPeriod: programme.periods[index - 1] ?? null,
    workstream,
    counts: countRatings(shown, (rating) => rating),
    previousCounts: index === 0 ? null : countRatings(shownBefore, (rating) => rating),
    moved,
    overdue,
    notReported,
    warnings,
    notes,
  });
}
