import type { Action } from '../domain/action.js';
import { effectiveDue } from '../domain/action.js';
import type { DueDate, IsoDate } from '../domain/local-date.js';
import type { Programme } from '../domain/programme.js';
import type { RatingCounts, RatingOrNotRated } from '../domain/rating.js';
import { countRatings, NOT_RATED, RATING_COLOUR, isRating } from '../domain/rating.js';
import type { StatusUpdate } from '../domain/status-update.js';
import { buildMeasureDigest, type MeasureStanding } from '../domain/measure-digest.js';
import type { ActionRepository } from '../store/action.repository.js';
import type { MeasureRepository } from '../store/measure.repository.js';
import { stepProgress, type StepTick } from '../domain/step-completion.js';
import type { StepTickRepository } from '../store/step-tick.repository.js';
import type { Clock } from './clock.js';
import { todayFor } from './reporting-day.js';
import type { ProgrammeRepository, WorkstreamRepository } from '../store/programme.repository.js';
import type { RoleRepository } from '../store/role.repository.js';
import type { ReadRule } from './read-rule.js';

/**
 * Who is looking. People see the programmes where they hold or deputise for a role; admins
 * (and, in local use without sign-in, everyone, as the tab's routes make them admins) all.
 */
export interface Viewer {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

export interface DashboardFilters {
  readonly workstream?: string;
  /** Role code of the owner. */
  readonly owner?: string;
  /** The action's latest rating, or "Not yet rated". */
  readonly rating?: RatingOrNotRated;
}

export interface GridCell {
  readonly periodId: string;
  readonly rating: RatingOrNotRated;
  /** Background colour for the word; every colour keeps AA contrast with white text. */
  readonly colour: string;
  readonly note: string;
}

/** Steps done and late, counted as the status cards count them. */
export interface GridSteps {
  readonly done: number;
  readonly total: number;
  /** Past their (revised) date and not done, in the plan's order. */
  readonly late: readonly {
    readonly letter: string;
    readonly title: string;
    readonly due: DueDate | null;
  }[];
}

export interface GridRow {
  readonly ref: string;
  readonly title: string;
  readonly workstream: string;
  readonly ownerRole: string;
  readonly ownerTitle: string;
  readonly due: DueDate | null;
  readonly latest: RatingOrNotRated;
  readonly cells: readonly GridCell[];
  /** Null when the action has no steps. */
  readonly steps: GridSteps | null;
}

export interface TrendPoint {
  readonly periodId: string;
  readonly counts: RatingCounts;
}

export interface DashboardGrid {
  readonly programme: { readonly id: string; readonly name: string };
  readonly periods: readonly { readonly id: string; readonly closes: string }[];
  /** What the filters can offer: every workstream and owner of the programme. */
  readonly workstreams: readonly { readonly code: string; readonly name: string }[];
  readonly owners: readonly { readonly code: string; readonly title: string }[];
  readonly filters: DashboardFilters;
  readonly totalActions: number;
  readonly rows: readonly GridRow[];
  /** Counts per rating per period for the rows shown. */
  readonly trend: readonly TrendPoint[];
  /**
   * The programme's measures (those of the workstream filtered to, when there is one), each
   * with every value recorded so far and where it stands against its target.
   */
  readonly measures: readonly MeasureStanding[];
}

export type DashboardResult =
  | { readonly ok: true; readonly value: DashboardGrid }
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND'; readonly programmeId: string };

export interface DashboardOptions {
  readonly programmes: Pick<ProgrammeRepository, 'get' | 'list'>;
  readonly workstreams: Pick<WorkstreamRepository, 'list'>;
  readonly actions: Pick<ActionRepository, 'listByProgramme' | 'historyOfProgramme'>;
  /** Owners' titles. */
  readonly roles: Pick<RoleRepository, 'list'>;
  /** The plan's measures and their values. */
  readonly measures: Pick<MeasureRepository, 'list' | 'history'>;
  /** Which steps are ticked done. */
  readonly stepTicks: Pick<StepTickRepository, 'listForProgramme'>;
  /** Who may see which programme: the same rule as the bot's commands. */
  readonly readRule: ReadRule;
  /** For "late": a step is late once its date has passed where the programme is. */
  readonly clock: Clock;
}

export interface Dashboard {
  /** The programmes this viewer belongs to (or all of them for admins and local use). */
  programmesFor(viewer: Viewer): Promise<{ readonly id: string; readonly name: string }[]>;
  /** The BRAG grid of one programme, filtered; not found when the viewer is not a member. */
  grid(programmeId: string, filters: DashboardFilters, viewer: Viewer): Promise<DashboardResult>;
}

export function createDashboard(options: DashboardOptions): Dashboard {
  async function visible(viewer: Viewer): Promise<Programme[]> {
    const membership = options.readRule.membership(viewer);
    const all = await options.programmes.list();
    if (membership.readsAll) return all;
    const mine = await membership.memberOf();
    return all.filter((p) => mine.has(p.id.toLowerCase()));
  }

  return {
    async programmesFor(viewer) {
      const programmes = await visible(viewer);
      return programmes.map((p) => ({ id: p.id, name: p.name }));
    },

    async grid(programmeId, filters, viewer) {
      const programme = (await visible(viewer)).find((p) => p.id === programmeId);
      if (!programme) return { ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId };
      const [workstreams, stored, history, roles, measures, measureValues, ticks] =
        await Promise.all([
          options.workstreams.list(programmeId),
          options.actions.listByProgramme(programmeId),
          options.actions.historyOfProgramme(programmeId),
          options.roles.list(programmeId),
          options.measures.list(programmeId),
          options.measures.history(programmeId),
          options.stepTicks.listForProgramme(programmeId),
        ]);
      const titles = new Map(roles.map((r) => [r.code.toUpperCase(), r.title]));
      const actions = stored.map((s) => s.value);
      const byRef = latestPerPeriod(history);
      const today = todayFor(programme, options.clock);
      const all = actions.map((a) => ({
        ...toRow(a, programme, byRef.get(a.ref.toUpperCase()), titles),
        steps: stepsOf(a, ticks, today),
      }));
      const rows = all.filter((row) => matches(row, filters));
      const ownerCodes = [...new Set(actions.map((a) => a.ownerRole))].sort();
      return {
        ok: true,
        value: {
          programme: { id: programme.id, name: programme.name },
          periods: programme.periods.map((p) => ({ id: p.id, closes: p.closes })),
          workstreams: workstreams.map((w) => ({ code: w.code, name: w.name })),
          owners: ownerCodes.map((code) => ({
            code,
            title: titles.get(code.toUpperCase()) ?? code,
          })),
          filters,
          totalActions: all.length,
          rows,
          trend: programme.periods.map((p, i) => ({ periodId: p.id, counts: count(rows, i) })),
          // As at the last period: the tab shows every value recorded, as /status does.
          measures: buildMeasureDigest({
            programme,
            periodId: programme.periods.at(-1)?.id ?? '',
            measures,
            values: measureValues,
            actions,
            updates: history,
            workstream: filters.workstream ?? null,
          }).standings,
        },
      };
    },
  };
}

/** The newest update of each action in each period: a correction replaces what it corrects. */
function latestPerPeriod(history: readonly StatusUpdate[]): Map<string, Map<string, StatusUpdate>> {
  const byRef = new Map<string, Map<string, StatusUpdate>>();
  for (const update of history) {
    const ref = update.ref.toUpperCase();
    const periods = byRef.get(ref) ?? new Map<string, StatusUpdate>();
    const seen = periods.get(update.periodId);
    if (!seen || seen.at < update.at) periods.set(update.periodId, update);
    byRef.set(ref, periods);
  }
  return byRef;
}

function stepsOf(action: Action, ticks: readonly StepTick[], today: IsoDate): GridSteps | null {
  if (action.steps.length === 0) return null;
  const progress = stepProgress(action, ticks, today);
  return {
    done: progress.done,
    total: progress.total,
    late: progress.late.map(({ step }) => ({
      letter: step.letter,
      title: step.title,
      due: effectiveDue(step),
    })),
  };
}

function toRow(
  action: Action,
  programme: Programme,
  updates: ReadonlyMap<string, StatusUpdate> | undefined,
  titles: ReadonlyMap<string, string>,
): Omit<GridRow, 'steps'> {
  const cells = programme.periods.map((period): GridCell => {
    const update = updates?.get(period.id);
    const rating: RatingOrNotRated = update ? update.rating : NOT_RATED;
    return { periodId: period.id, rating, colour: RATING_COLOUR[rating], note: update?.note ?? '' };
  });
  const lastRated = [...cells].reverse().find((c) => isRating(c.rating));
  return {
    ref: action.ref,
    title: action.title,
    workstream: action.workstream,
    ownerRole: action.ownerRole,
    ownerTitle: titles.get(action.ownerRole.toUpperCase()) ?? action.ownerRole,
    due: effectiveDue(action),
    latest: action.current?.rating ?? lastRated?.rating ?? NOT_RATED,
    cells,
  };
}

function matches(row: GridRow, filters: DashboardFilters): boolean {
  const same = (a: string, b: string | undefined) =>
    b === undefined || a.toUpperCase() === b.toUpperCase();
  return (
    same(row.workstream, filters.workstream) &&
    same(row.ownerRole, filters.owner) &&
    (filters.rating === undefined || row.latest === filters.rating)
  );
}

function count(rows: readonly GridRow[], periodIndex: number): RatingCounts {
  const cells = rows.flatMap((row) => row.cells[periodIndex] ?? []);
  return countRatings(cells, (cell) => cell.rating);
}
