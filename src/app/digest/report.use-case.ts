import type { PeopleNames } from '../../domain/people-names.js';
import { loadPeopleNames } from '../people-names.js';
import type { Action } from '../../domain/action.js';
import { localDateOf } from '../../domain/calendar.js';
import { buildDigestData } from '../../domain/digest.js';
import type { DigestData } from '../../domain/digest.js';
import { digestPeriodOn } from '../../domain/digest-schedule.js';
import { buildMeasureDigest, type MeasureDigest } from '../../domain/measure-digest.js';
import type { ReportingPeriod, Workstream } from '../../domain/programme.js';
import { NOT_RATED } from '../../domain/rating.js';
import type { RatingOrNotRated } from '../../domain/rating.js';
import type { PersonRepository } from '../../store/role.repository.js';
import type { Clock } from '../clock.js';
import { ratingGridOf } from '../export/rating-grid.js';
import { chartDataFor, type DigestChartData } from './chart-data.js';
import { loadProgrammeSnapshot } from './programme-snapshot.js';
import type { ProgrammeSnapshot, SnapshotPorts } from './programme-snapshot.js';

export interface ReportRow {
  readonly action: Action;
  /** The rating recorded in each of the programme's periods, in calendar order. */
  readonly ratings: readonly RatingOrNotRated[];
}

export interface ReportWorkstream {
  readonly workstream: Workstream;
  readonly rows: readonly ReportRow[];
}

/** Everything the full report shows: the digest without summarising, and the whole grid. */
export interface FullReport {
  readonly programme: { readonly id: string; readonly name: string; readonly timeZone: string };
  readonly period: ReportingPeriod;
  readonly periods: readonly ReportingPeriod[];
  readonly digest: DigestData;
  readonly chart: DigestChartData;
  readonly workstreams: readonly ReportWorkstream[];
  /** Every measure as at the period; null when the plan has none. */
  readonly measures: MeasureDigest | null;
  /** People by name and job title, as the board knows them. */
  readonly names?: PeopleNames;
  /** Local date the report was made. */
  readonly today: string;
}

export type ReportResult =
  | { readonly ok: true; readonly value: FullReport }
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND'; readonly programmeId: string }
  | { readonly ok: false; readonly code: 'PERIOD_NOT_FOUND'; readonly periodId: string };

export type ChartFailure =
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND'; readonly programmeId: string }
  | { readonly ok: false; readonly code: 'PERIOD_NOT_FOUND'; readonly periodId: string }
  | { readonly ok: false; readonly code: 'WORKSTREAM_NOT_FOUND'; readonly workstream: string };

export type ReportChartResult =
  { readonly ok: true; readonly value: DigestChartData } | ChartFailure;

/** The measures as a digest of the period (and workstream) shows them; none when the plan has none. */
export type ReportMeasuresResult =
  { readonly ok: true; readonly value: MeasureDigest } | ChartFailure;

export interface ReportOptions extends SnapshotPorts {
  readonly people: Pick<PersonRepository, 'listUnreachable' | 'get'>;
  readonly clock: Clock;
}

export interface ReportUseCase {
  /** `periodId` absent: the latest period that has closed, as the digest chooses. */
  fullReport(programmeId: string, periodId?: string): Promise<ReportResult>;
  /**
   * The digest's chart, drawn as the digest draws it, for the card to show by address.
   * `workstream` narrows it as `/digest EHC` does; absent, the whole programme.
   */
  chart(programmeId: string, periodId?: string, workstream?: string): Promise<ReportChartResult>;
  /** The measures the digest's measures chart draws, for the card to show it by address. */
  measures(
    programmeId: string,
    periodId?: string,
    workstream?: string,
  ): Promise<ReportMeasuresResult>;
}

export function createReportUseCase(options: ReportOptions): ReportUseCase {
  return {
    async fullReport(programmeId, periodId) {
      const [snapshot, unreachable] = await Promise.all([
        loadProgrammeSnapshot(options, programmeId),
        options.people.listUnreachable(),
      ]);
      if (!snapshot) return { ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId };
      const { programme } = snapshot;
      const today = localDateOf(options.clock.now(), programme.timeZone);
      const wanted = periodId ?? digestPeriodOn(programme, today)?.id ?? '';
      const digest = buildDigestData({ ...snapshot, periodId: wanted, today, unreachable });
      if (!digest.ok) return { ok: false, code: 'PERIOD_NOT_FOUND', periodId: wanted };
      const names = await loadPeopleNames(snapshot.roles, options.people);
      const grid = ratingGridOf(snapshot);
      const rowOf = (action: Action): ReportRow => ({
        action,
        ratings: programme.periods.map(
          (p) => grid.get(action.ref.toUpperCase())?.get(p.id)?.rating ?? NOT_RATED,
        ),
      });
      return {
        ok: true,
        value: {
          programme: { id: programme.id, name: programme.name, timeZone: programme.timeZone },
          period: digest.value.period,
          periods: programme.periods,
          digest: digest.value,
          chart: chartDataFor(snapshot, wanted, null),
          workstreams: snapshot.workstreams.map((workstream) => ({
            workstream,
            rows: snapshot.actions.filter((a) => a.workstream === workstream.code).map(rowOf),
          })),
          measures:
            snapshot.measures.length === 0
              ? null
              : buildMeasureDigest({
                  programme,
                  periodId: wanted,
                  measures: snapshot.measures,
                  values: snapshot.measureValues,
                  actions: snapshot.actions,
                  updates: snapshot.updates,
                  workstream: null,
                }),
          today,
          names,
        },
      };
    },

    async chart(programmeId, periodId, workstream) {
      const scoped = await scopeOf(programmeId, periodId, workstream);
      if (!scoped.ok) return scoped;
      const { snapshot, period, scope } = scoped;
      return { ok: true, value: chartDataFor(snapshot, period, scope) };
    },

    async measures(programmeId, periodId, workstream) {
      const scoped = await scopeOf(programmeId, periodId, workstream);
      if (!scoped.ok) return scoped;
      const { snapshot, period, scope } = scoped;
      return {
        ok: true,
        value: buildMeasureDigest({
          programme: snapshot.programme,
          periodId: period,
          measures: snapshot.measures,
          values: snapshot.measureValues,
          actions: snapshot.actions,
          updates: snapshot.updates,
          workstream: scope?.code ?? null,
        }),
      };
    },
  };

  /** The programme, period and workstream a chart's address names, as the digest chose them. */
  async function scopeOf(
    programmeId: string,
    periodId: string | undefined,
    workstream: string | undefined,
  ): Promise<
    | {
        readonly ok: true;
        readonly snapshot: ProgrammeSnapshot;
        readonly period: string;
        readonly scope: Workstream | null;
      }
    | ChartFailure
  > {
    const snapshot = await loadProgrammeSnapshot(options, programmeId);
    if (!snapshot) return { ok: false, code: 'PROGRAMME_NOT_FOUND', programmeId };
    const { programme } = snapshot;
    const today = localDateOf(options.clock.now(), programme.timeZone);
    const wanted = periodId ?? digestPeriodOn(programme, today)?.id ?? '';
    if (!programme.periods.some((p) => p.id === wanted)) {
      return { ok: false, code: 'PERIOD_NOT_FOUND', periodId: wanted };
    }
    const code = workstream?.trim().toLowerCase();
    const scope = snapshot.workstreams.find((w) => w.code.toLowerCase() === code) ?? null;
    if (code !== undefined && !scope) {
      return { ok: false, code: 'WORKSTREAM_NOT_FOUND', workstream: workstream ?? '' };
    }
    return { ok: true, snapshot, period: wanted, scope };
  }
}
