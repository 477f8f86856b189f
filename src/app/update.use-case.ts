import { createHash } from 'node:crypto';
import { effectiveDue, type Action } from '../domain/action.js';
import { normaliseEmail, type Role } from '../domain/people.js';
import type { IsoDate } from '../domain/local-date.js';
import type { Programme, ReportingPeriod } from '../domain/programme.js';
import type { Rating } from '../domain/rating.js';
import type { StatusUpdate, UpdateSource } from '../domain/status-update.js';
import { validateUpdate, type UpdateProblem } from '../domain/update-validation.js';
import type { ActionRepository, FoundAction } from '../store/action.repository.js';
import type { ProgrammeRepository } from '../store/programme.repository.js';
import type { RoleRepository } from '../store/role.repository.js';
import type { Versioned } from '../store/versioned.js';
import { namedPeriodIfOpen, periodOpenOn } from './reporting-day.js';
import { closestMatches } from './suggestions.js';

export interface UpdateDeps {
  readonly actions: ActionRepository;
  readonly roles: RoleRepository;
  /** Read by a Save only when the action's read did not bring the programme's settings. */
  readonly programmes: ProgrammeRepository;
}

/** Who is asking; admins may update any action. */
export interface Updater {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

export type UpdateRefusal =
  | {
      readonly ok: false;
      readonly code: 'ACTION_NOT_FOUND';
      readonly ref: string;
      readonly suggestions: readonly string[];
    }
  | {
      readonly ok: false;
      readonly code: 'NOT_OWNER';
      readonly action: Action;
      readonly ownerRole: Role | null;
    }
  | {
      readonly ok: false;
      readonly code: 'PERIOD_CLOSED';
      readonly action: Action;
      readonly periodId: string | null;
    };

/** Everything the update form needs. */
export interface UpdateForm {
  readonly ok: true;
  readonly action: FoundAction;
  readonly period: ReportingPeriod;
}

async function checkAllowed(
  deps: UpdateDeps,
  programme: Programme,
  action: Action,
  updater: Updater,
  read?: RoleRead,
): Promise<UpdateRefusal | null> {
  if (updater.isAdmin) return null;
  // A role read beside the action counts only if it is the action's owner role.
  const role =
    read && sameCode(read.code, action.ownerRole)
      ? read.role
      : await deps.roles.get(programme.id, action.ownerRole);
  const email = updater.email === null ? null : normaliseEmail(updater.email);
  const allowed = email !== null && (role?.person === email || role?.deputy === email);
  return allowed ? null : { ok: false, code: 'NOT_OWNER', action, ownerRole: role };
}

const sameCode = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** A role as stored now, under the code it was asked for (null: no such role). */
interface RoleRead {
  readonly code: string;
  readonly role: Role | null;
}

/** The action, with where it was found, or the references it might have meant. */
async function findAction(
  deps: UpdateDeps,
  programmeId: string,
  ref: string,
  aim?: string,
): Promise<
  | { readonly ok: true; readonly found: FoundAction }
  | { readonly ok: false; readonly suggestions: readonly string[] }
> {
  const found = await deps.actions.get(programmeId, ref, aim);
  if (found) return { ok: true, found };
  return { ok: false, suggestions: closestMatches(ref, await deps.actions.listRefs(programmeId)) };
}

/**
 * What a Save needs from storage before it writes, read at once: the action (where the form
 * found it), the role the form said owns it and the programme (its settings usually come with
 * the action), so a Save waits for one round of reads, not three in a row. Every part is
 * checked afterwards.
 */
export interface SaveReads {
  readonly programmeId: string;
  /** The programme as it is now; null when there is no such programme. */
  readonly programme: Programme | null;
  readonly ref: string;
  readonly found: FoundAction | null;
  /** The role the form named, as stored now; undefined when none was read. */
  readonly role: RoleRead | undefined;
}

/** Where the form found the action and who it said owns it; both only hints. */
export interface SaveHints {
  readonly ref: string;
  readonly aim?: string;
  readonly ownerRole?: string;
}

export async function readForSave(
  deps: UpdateDeps,
  programmeId: string,
  hints: SaveHints,
  updater: Updater,
): Promise<SaveReads> {
  const { ownerRole } = hints;
  const [found, role] = await Promise.all([
    deps.actions.get(programmeId, hints.ref, hints.aim),
    updater.isAdmin || ownerRole === undefined
      ? undefined
      : deps.roles.get(programmeId, ownerRole).then((read) => ({ code: ownerRole, role: read })),
  ]);
  // Only when the action's read did not bring the settings, or found no action.
  const programme = found?.programme ?? (await deps.programmes.get(programmeId));
  return { programmeId, programme, ref: hints.ref, found, role };
}

/** `/update A4`: the action and the period an update made today belongs to, if allowed. */
export async function openUpdateForm(
  deps: UpdateDeps,
  programme: Programme,
  ref: string,
  updater: Updater,
  today: IsoDate,
): Promise<UpdateForm | UpdateRefusal> {
  const found = await findAction(deps, programme.id, ref);
  if (!found.ok)
    return { ok: false, code: 'ACTION_NOT_FOUND', ref, suggestions: found.suggestions };
  const action = found.found.value;
  const refusal = await checkAllowed(deps, programme, action, updater);
  if (refusal) return refusal;
  const period = periodOpenOn(programme, today);
  if (!period) return { ok: false, code: 'PERIOD_CLOSED', action, periodId: null };
  return { ok: true, action: found.found, period };
}

export interface UpdateSubmission {
  readonly ref: string;
  readonly periodId: string;
  /** The action's ETag when the form was rendered. */
  readonly etag: string;
  /** Where the form found the action (`FoundAction.aim`), when it says. */
  readonly aim?: string;
  readonly rating: string | null;
  readonly note: string;
  readonly evidence: string | null;
  readonly proposedDue: string | null;
  readonly source: UpdateSource;
}

export type UpdateOutcome =
  | {
      readonly ok: true;
      readonly update: StatusUpdate;
      readonly action: Versioned<Action>;
      readonly period: ReportingPeriod;
    }
  | UpdateRefusal
  | {
      readonly ok: false;
      readonly code: 'INVALID_UPDATE';
      readonly action: FoundAction;
      readonly period: ReportingPeriod;
      readonly problems: readonly UpdateProblem[];
    }
  | {
      readonly ok: false;
      readonly code: 'STALE_UPDATE';
      readonly current: Versioned<Action>;
      readonly period: ReportingPeriod;
    };

/** The same card submission always gets the same id, so a retried request adds nothing. */
function updateIdOf(programme: Programme, submission: UpdateSubmission, by: string): string {
  const digest = createHash('sha256')
    .update([programme.id, submission.ref, submission.periodId, submission.etag, by].join('\n'))
    .digest('hex');
  return `card-${digest.slice(0, 32)}`;
}

/**
 * Records an owner's update: checks who they are, that the period is still open, the
 * domain's validation rules, and that nobody else updated the action since the form was
 * rendered (ETag). Every failure is a value the bot can explain.
 */
export async function submitUpdate(
  deps: UpdateDeps,
  programme: Programme,
  submission: UpdateSubmission,
  updater: Updater,
  now: Date,
  today: IsoDate,
  reads?: SaveReads,
): Promise<UpdateOutcome> {
  const ahead =
    reads &&
    reads.found !== null &&
    reads.programmeId.toUpperCase() === programme.id.toUpperCase() &&
    sameCode(reads.ref, submission.ref)
      ? reads
      : null;
  const found = ahead?.found
    ? { ok: true as const, found: ahead.found }
    : await findAction(deps, programme.id, submission.ref, submission.aim);
  if (!found.ok) {
    return {
      ok: false,
      code: 'ACTION_NOT_FOUND',
      ref: submission.ref,
      suggestions: found.suggestions,
    };
  }
  const action = found.found.value;
  const refusal = await checkAllowed(deps, programme, action, updater, ahead?.role);
  if (refusal) return refusal;
  const period = namedPeriodIfOpen(programme, submission.periodId, today);
  if (!period) {
    return { ok: false, code: 'PERIOD_CLOSED', action, periodId: submission.periodId };
  }
  const versioned = found.found;
  const validation = validateUpdate({
    rating: submission.rating,
    note: submission.note,
    evidence: submission.evidence,
    proposedDue: submission.proposedDue,
    currentDue: effectiveDue(action),
  });
  if (!validation.ok) {
    return {
      ok: false,
      code: 'INVALID_UPDATE',
      action: versioned,
      period,
      problems: validation.problems,
    };
  }
  const by = updater.email === null ? 'unknown' : normaliseEmail(updater.email);
  const update: StatusUpdate = {
    id: updateIdOf(programme, submission, by),
    programmeId: programme.id,
    ref: action.ref,
    periodId: period.id,
    // validateUpdate has accepted the word, so it is one of the four ratings.
    rating: (submission.rating ?? '').trim() as Rating,
    note: submission.note.trim(),
    evidence: submission.evidence?.trim() || null,
    proposedDue: submission.proposedDue?.trim() || null,
    rolledOver: false,
    by,
    at: now.toISOString(),
    source: submission.source,
  };
  const result = await deps.actions.recordUpdate(update, submission.etag);
  if (result.ok) return { ok: true, update, action: result.action, period };
  if (result.code === 'STALE_UPDATE')
    return { ok: false, code: 'STALE_UPDATE', current: result.current, period };
  return { ok: false, code: 'ACTION_NOT_FOUND', ref: submission.ref, suggestions: [] };
}

export interface UpdateUseCase {
  openForm(
    programme: Programme,
    ref: string,
    updater: Updater,
    today: IsoDate,
  ): Promise<UpdateForm | UpdateRefusal>;
  submit(
    programme: Programme,
    submission: UpdateSubmission,
    updater: Updater,
    now: Date,
    today: IsoDate,
    reads?: SaveReads,
  ): Promise<UpdateOutcome>;
  /** A Save's reads, its programme's among them; see {@link readForSave}. */
  readForSave(programmeId: string, hints: SaveHints, updater: Updater): Promise<SaveReads>;
}

export function createUpdateUseCase(deps: UpdateDeps): UpdateUseCase {
  return {
    openForm: (programme, ref, updater, today) =>
      openUpdateForm(deps, programme, ref, updater, today),
    submit: (programme, submission, updater, now, today, reads) =>
      submitUpdate(deps, programme, submission, updater, now, today, reads),
    readForSave: (programmeId, hints, updater) => readForSave(deps, programmeId, hints, updater),
  };
}
