import { buildDigestData } from '../../domain/digest.js';
import type { DigestData } from '../../domain/digest.js';
import { digestPeriodOn } from '../../domain/digest-schedule.js';
import type { IsoDate } from '../../domain/local-date.js';
import { buildMeasureDigest, type MeasureDigest } from '../../domain/measure-digest.js';
import type { Person } from '../../domain/people.js';
import { chartDataFor, type DigestChartData } from './chart-data.js';
import type { ProgrammeSnapshot } from './programme-snapshot.js';

export interface BuildDigestInput {
  readonly snapshot: ProgrammeSnapshot;
  /** Local date in the programme's time zone. */
  readonly today: IsoDate;
  readonly unreachable: readonly Person[];
  /** A workstream code (`/digest EHC`); absent for the whole programme. */
  readonly workstream?: string;
  /** A period id ("Jan 2021"); absent for the latest period that has closed. */
  readonly periodId?: string;
  /** Makes the link to the full report; null for no link (no public address configured). */
  readonly reportLink: ((programmeId: string, periodId: string) => string | null) | null;
  /**
   * Makes the chart's address on this service; absent or null (no public address), the
   * card carries the chart itself as a data URI.
   */
  readonly chartLink?:
    ((programmeId: string, periodId: string, workstream?: string) => string | null) | null;
  /** A first line above the rest ("Preview: …"). */
  readonly preface?: string;
}

/** A digest as data: src/render draws its chart and src/cards its card. */
export interface BuiltDigest {
  readonly data: DigestData;
  readonly chart: DigestChartData;
  /** The measures as at the period (of the workstream, for one); null when there are none. */
  readonly measures: MeasureDigest | null;
  readonly timeZone: string;
  readonly reportUrl: string | null;
  /** The chart's https address; null (no public address) embeds the chart in the card. */
  readonly chartUrl: string | null;
  /** A first line above the rest ("Preview: …"). */
  readonly preface?: string;
}

export type DigestFailure =
  | { readonly ok: false; readonly code: 'PROGRAMME_NOT_FOUND'; readonly programmeId: string }
  | { readonly ok: false; readonly code: 'PERIOD_NOT_FOUND'; readonly periodId: string }
  | {
      readonly ok: false;
      readonly code: 'WORKSTREAM_NOT_FOUND';
      readonly workstream: string;
      /** The codes there are, for "did you mean". */
      readonly known: readonly string[];
    };

export type DigestResult = { readonly ok: true; readonly value: BuiltDigest } | DigestFailure;

/** The digest of a loaded programme: the domain's data, the chart's counts and the links. */
export function buildDigest(input: BuildDigestInput): DigestResult {
  const { snapshot, today } = input;
  const { programme } = snapshot;
  const periodId = input.periodId ?? digestPeriodOn(programme, today)?.id;
  if (periodId === undefined) return { ok: false, code: 'PERIOD_NOT_FOUND', periodId: '' };
  const built = buildDigestData({
    ...snapshot,
    periodId,
    today,
    unreachable: input.unreachable,
    ...(input.workstream !== undefined && { workstream: input.workstream }),
  });
  if (!built.ok) {
    if (built.code === 'PERIOD_NOT_FOUND') return { ok: false, code: built.code, periodId };
    const known = snapshot.workstreams.map((w) => w.code);
    return { ok: false, code: built.code, workstream: input.workstream ?? '', known };
  }
  const data = built.value;
  const scope = data.workstream;
  const chart = chartDataFor(snapshot, periodId, scope);
  const link = input.reportLink?.(programme.id, periodId) ?? null;
  const chartUrl = input.chartLink?.(programme.id, periodId, scope?.code) ?? null;
  // A workstream's digest opens the report at that workstream's section.
  const reportUrl =
    link !== null && scope ? `${link}#workstream-${encodeURIComponent(scope.code)}` : link;
  const measures =
    snapshot.measures.length === 0
      ? null
      : buildMeasureDigest({
          programme,
          periodId,
          measures: snapshot.measures,
          values: snapshot.measureValues,
          actions: snapshot.actions,
          updates: snapshot.updates,
          workstream: scope?.code ?? null,
        });
  return {
    ok: true,
    value: {
      data,
      chart,
      measures: measures && measures.standings.length > 0 ? measures : null,
      timeZone: programme.timeZone,
      reportUrl,
      chartUrl,
      ...(input.preface !== undefined && { preface: input.preface }),
    },
  };
}
