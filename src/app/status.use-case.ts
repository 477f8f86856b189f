import type { Action } from '../domain/action.js';
import { isOverdue } from '../domain/action-facts.js';
import type { IsoDate } from '../domain/local-date.js';
import type { Programme, Workstream } from '../domain/programme.js';
import {
  countRatings,
  NOT_RATED,
  RATING_ORDER,
  zeroCounts,
  type RatingCounts,
  type RatingOrNotRated,
} from '../domain/rating.js';
import { notReportedIn, overdueOn } from '../domain/status-summary.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { ratingInPeriod } from '../domain/update-history.js';
import type { ActionRepository } from '../store/action.repository.js';
import type {
  ActionGovernanceReader,
  ActionGovernanceRecord,
} from '../store/action-governance.repository.js';
import type {
  SummaryRepository,
  WorkstreamSummary as KeptSummary,
} from '../store/summary.repository.js';
import type { Versioned } from '../store/versioned.js';
import type { WorkstreamRepository } from '../store/programme.repository.js';
import { actionLineOf, type ActionLine } from './action-line.js';
import { periodOpenOn } from './reporting-day.js';
import { closestMatches } from './suggestions.js';

export interface StatusDeps {
  readonly workstreams: WorkstreamRepository;
  readonly actions: ActionRepository;
  readonly summaries: SummaryRepository;
  readonly actionGovernance: ActionGovernanceReader;
}

export interface StatusFigures {
  readonly counts: RatingCounts;
  readonly total: number;
  readonly overdue: number;
  /** Not yet rated in the period open today; null once the calendar has ended. */
  readonly notReported: number | null;
}

export interface WorkstreamSummary extends StatusFigures {
  readonly code: string;
  readonly name: string;
}

/** The programme's figures (its totals) and each workstream's, in the plan's order. */
export interface ProgrammeStatus extends Omit<StatusFigures, 'counts'> {
  readonly totals: RatingCounts;
  readonly programme: Pick<Programme, 'id' | 'name'>;
  readonly today: IsoDate;
  /** The period open today, which "not reported" is counted in. */
  readonly period: { readonly id: string; readonly closes: IsoDate } | null;
  readonly workstreams: readonly WorkstreamSummary[];
}

export interface WorkstreamStatus {
  readonly programme: Pick<Programme, 'id' | 'name'>;
  readonly today: IsoDate;
  readonly workstream: Workstream;
  readonly counts: RatingCounts;
  readonly actions: readonly ActionLine[];
}

export interface PeriodRating {
  readonly periodId: string;
  readonly rating: RatingOrNotRated;
}

export interface ActionDetail {
  readonly programme: Pick<Programme, 'id' | 'name'>;
  readonly today: IsoDate;
  readonly action: Action;
  readonly workstreamName: string;
  readonly overdue: boolean;
  /** One per period up to the one open today (every period once the calendar has ended). */
  readonly ratings: readonly PeriodRating[];
  /** Newest first, at most three. */
  readonly latestNotes: readonly StatusUpdate[];
  /** Its requests for a revised due date (oldest first) and its ticked steps. */
  readonly governance: ActionGovernanceRecord;
}

/** What `/status <word>` found: a workstream (looked up first) or an action. */
export type StatusLookup =
  | { readonly ok: true; readonly kind: 'workstream'; readonly value: WorkstreamStatus }
  | { readonly ok: true; readonly kind: 'action'; readonly value: ActionDetail }
  | {
      readonly ok: false;
      readonly code: 'NOT_FOUND';
      readonly typed: string;
      readonly suggestions: readonly string[];
    };

function count(actions: readonly Action[]): RatingCounts {
  return countRatings(actions, (action) => action.current?.rating ?? NOT_RATED);
}

/**
 * Counts by latest rating, overdue and not reported for every workstream of the programme,
 * from the summaries every write keeps: one read whatever the programme's size.
 */
export async function getProgrammeStatus(
  deps: Pick<StatusDeps, 'summaries'>,
  programme: Programme,
  today: IsoDate,
  early?: StatusReadAhead,
): Promise<ProgrammeStatus> {
  const kept = await (early?.kind === 'programme' && early.programmeId === programme.id
    ? early.kept
    : deps.summaries.listByProgramme(programme.id));
  const open = periodOpenOn(programme, today);
  const workstreams = kept.map(({ code, name, summary }) => ({
    code,
    name,
    counts: summary.counts,
    total: summary.total,
    overdue: overdueOn(summary, today),
    notReported: open ? notReportedIn(summary, open.id) : null,
  }));
  // The programme's figures are the sum of its workstreams' (each action is in one), so the
  // summaries' maps by due day, which grow with the programme, are read once, not merged.
  const sum = (of: (ws: WorkstreamSummary) => number): number =>
    workstreams.reduce((total, ws) => total + of(ws), 0);
  const totals = zeroCounts();
  for (const ws of workstreams) {
    for (const rating of RATING_ORDER) totals[rating] += ws.counts[rating];
  }
  return {
    programme: { id: programme.id, name: programme.name },
    today,
    period: open ? { id: open.id, closes: open.closes } : null,
    workstreams,
    totals,
    total: sum((ws) => ws.total),
    overdue: sum((ws) => ws.overdue),
    notReported: open ? sum((ws) => ws.notReported ?? 0) : null,
  };
}

function workstreamStatus(
  programme: Programme,
  workstream: Workstream,
  actions: readonly Action[],
  today: IsoDate,
): WorkstreamStatus {
  return {
    programme: { id: programme.id, name: programme.name },
    today,
    workstream,
    counts: count(actions),
    actions: actions.map((a) => actionLineOf(a, today)),
  };
}

/**
 * A workstream's status by the very list it was built from. Only a read cache hands back the
 * same list twice (until a write clears it), so then the status, and the card rendered from
 * it, are not built again; fresh reads never match.
 */
const builtFrom = new WeakMap<readonly Versioned<Action>[], WorkstreamStatus>();

function workstreamStatusOf(
  programme: Programme,
  workstream: Workstream,
  listed: readonly Versioned<Action>[],
  today: IsoDate,
): WorkstreamStatus {
  const known = builtFrom.get(listed);
  if (
    known?.today === today &&
    known.workstream === workstream &&
    known.programme.id === programme.id &&
    known.programme.name === programme.name
  ) {
    return known;
  }
  const value = workstreamStatus(
    programme,
    workstream,
    listed.map((a) => a.value),
    today,
  );
  builtFrom.set(listed, value);
  return value;
}

/**
 * Ratings period by period, from the action's first rated period (or, never rated, the one
 * open today) to the one open today, each counted as the digest counts it.
 */
export function ratingsAcrossPeriods(
  programme: Programme,
  history: readonly StatusUpdate[],
  today: IsoDate,
): PeriodRating[] {
  const openIndex = programme.periods.findIndex((p) => p.closes >= today);
  const shown = openIndex === -1 ? programme.periods : programme.periods.slice(0, openIndex + 1);
  const rated = new Set(history.map((u) => u.periodId));
  const first = shown.findIndex((period) => rated.has(period.id));
  const from = first === -1 ? Math.max(0, shown.length - 1) : first;
  // History is newest first, so the first match in a period is the one that counts.
  let earlier: StatusUpdate | undefined;
  return shown.flatMap((period, index) => {
    const latest = history.find((u) => u.periodId === period.id);
    const rating = ratingInPeriod(latest, earlier);
    if (latest) earlier = latest;
    return index < from ? [] : [{ periodId: period.id, rating }];
  });
}

async function actionDetail(
  deps: StatusDeps,
  programme: Programme,
  action: Action,
  history: readonly StatusUpdate[],
  governance: Promise<ActionGovernanceRecord>,
  today: IsoDate,
): Promise<ActionDetail> {
  const workstream = await deps.workstreams.get(programme.id, action.workstream);
  return {
    governance: await governance,
    programme: { id: programme.id, name: programme.name },
    today,
    action,
    workstreamName: workstream?.name ?? action.workstream,
    overdue: isOverdue(action, today),
    ratings: ratingsAcrossPeriods(programme, history, today),
    latestNotes: history.filter((u) => u.note.trim() !== '').slice(0, 3),
  };
}

/** Every workstream code and action ref, for "did you mean …". */
export async function knownCodes(deps: StatusDeps, programmeId: string): Promise<string[]> {
  const [workstreams, refs] = await Promise.all([
    deps.workstreams.list(programmeId),
    deps.actions.listRefs(programmeId),
  ]);
  return [...workstreams.map((w) => w.code), ...refs];
}

/** The action with this ref, or the closest refs and codes when there is none. */
export async function findAction(
  deps: Pick<StatusDeps, 'actions'>,
  programmeId: string,
  ref: string,
): Promise<
  | { readonly ok: true; readonly action: Action; readonly etag: string }
  | { readonly ok: false; readonly suggestions: readonly string[] }
> {
  const found = await deps.actions.get(programmeId, ref);
  if (found) return { ok: true, action: found.value, etag: found.etag };
  return { ok: false, suggestions: closestMatches(ref, await deps.actions.listRefs(programmeId)) };
}

/**
 * `/status <word>`: the word is looked up as a workstream code first, then as an action
 * reference, so a programme whose codes and refs overlap still reads naturally. An action
 * comes with its history in one read.
 */
export async function lookUpStatus(
  deps: StatusDeps,
  programme: Programme,
  word: string,
  today: IsoDate,
  early?: StatusReadAhead,
): Promise<StatusLookup> {
  const found =
    early?.kind === 'workstream' && early.programmeId === programme.id && early.word === word
      ? await early.listed
      : await listWorkstream(deps, programme.id, word);
  if (found) {
    const { workstream, listed } = found;
    return {
      ok: true,
      kind: 'workstream',
      value: workstreamStatusOf(programme, workstream, listed, today),
    };
  }
  // Asked beside the action, not after it: a word that is no action wastes one small query.
  const governance = deps.actionGovernance.ofAction(programme.id, word);
  const action = await deps.actions.withHistory(programme.id, word);
  if (action) {
    return {
      ok: true,
      kind: 'action',
      value: await actionDetail(
        deps,
        programme,
        action.action.value,
        action.history,
        governance,
        today,
      ),
    };
  }
  // Awaited so a failure is not left unhandled; nothing uses it.
  await governance;
  const suggestions = closestMatches(word, await knownCodes(deps, programme.id));
  return { ok: false, code: 'NOT_FOUND', typed: word, suggestions };
}

/** The workstream a word names (case-insensitive) and its actions; null if it names none. */
type ListedWorkstream = {
  readonly workstream: Workstream;
  readonly listed: readonly Versioned<Action>[];
} | null;

async function listWorkstream(
  deps: StatusDeps,
  programmeId: string,
  word: string,
): Promise<ListedWorkstream> {
  // The plan's workstreams are read once per plan version, so this rarely asks storage.
  const workstream = await deps.workstreams.get(programmeId, word);
  if (!workstream) return null;
  return { workstream, listed: await deps.actions.listByWorkstream(programmeId, workstream.code) };
}

/**
 * The first read of `/status` (a programme's summaries) or `/status <word>` (the workstream
 * the word names, if it names one), started for a programme not yet settled on.
 */
export type StatusReadAhead =
  | {
      readonly kind: 'programme';
      readonly programmeId: string;
      readonly kept: Promise<readonly KeptSummary[]>;
    }
  | {
      readonly kind: 'workstream';
      readonly programmeId: string;
      readonly word: string;
      readonly listed: Promise<ListedWorkstream>;
    };

/** A guess nobody used must not end as an unhandled rejection; whoever awaits it still sees it. */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The status reads, built once with their ports. */
export interface StatusUseCase {
  /** `early`: what {@link readAhead} started; used only if it is of this programme (and word). */
  programme(
    programme: Programme,
    today: IsoDate,
    early?: StatusReadAhead,
  ): Promise<ProgrammeStatus>;
  lookUp(
    programme: Programme,
    word: string,
    today: IsoDate,
    early?: StatusReadAhead,
  ): Promise<StatusLookup>;
  /** Starts the first read of `programme()` (no word) or `lookUp()`, before it is asked. */
  readAhead(programmeId: string, word?: string): StatusReadAhead;
  /** Workstream codes and action refs, for "did you mean". */
  knownCodes(programmeId: string): Promise<string[]>;
}

export function createStatusUseCase(deps: StatusDeps): StatusUseCase {
  return {
    programme: (programme, today, early) => getProgrammeStatus(deps, programme, today, early),
    lookUp: (programme, word, today, early) => lookUpStatus(deps, programme, word, today, early),
    readAhead(programmeId, word) {
      return word === undefined
        ? {
            kind: 'programme',
            programmeId,
            kept: quietly(deps.summaries.listByProgramme(programmeId)),
          }
        : {
            kind: 'workstream',
            programmeId,
            word,
            listed: quietly(listWorkstream(deps, programmeId, word)),
          };
    },
    knownCodes: (programmeId) => knownCodes(deps, programmeId),
  };
}
