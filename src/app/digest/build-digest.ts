import { buildDigestData } from '../../domain/digest.js';
import type { DigestData } from '../../domain/digest.js';
import { digestPeriodOn } from '../../domain/digest-schedule.js';
import { governanceDigest, type GovernanceDigest } from '../../domain/governance-digest.js';
import type { Action } from '../../domain/action.js';
import { withRevisions, type RevisionRequest } from '../../domain/revision.js';
import { signOffStates } from '../../domain/sign-off.js';
import { zonedInstant } from '../../domain/zoned-time.js';
import type { IsoDate } from '../../domain/local-date.js';
import { buildMeasureDigest, type MeasureDigest } from '../../domain/measure-digest.js';
import type { Person } from '../../domain/people.js';
import { NO_NAMES, type PeopleNames } from '../../domain/people-names.js';
import { chartDataFor, type DigestChartData } from './chart-data.js';
import type { ProgrammeSnapshot } from './programme-snapshot.js';

/** Makes a chart's address on this service for a digest; null when there is none. */
export type ChartLink = (
  programmeId: string,
  periodId: string,
  workstream?: string,
) => string | null;

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
  readonly chartLink?: ChartLink | null;
  /** The same for the measures chart. */
  readonly measureChartLink?: ChartLink | null;
  /** A first line above the rest ("Preview: …"). */
  readonly preface?: string;
  /** The instant the digest is as at (UTC ISO): decisions after it are not counted. */
  readonly asAt: string;
  /** People by name and job title; absent, by role code and email. */
  readonly names?: PeopleNames;
}

/** A digest as data: src/render draws its chart and src/cards its card. */
export interface BuiltDigest {
  readonly data: DigestData;
  readonly chart: DigestChartData;
  /** The measures as at the period (of the workstream, for one); null when there are none. */
  readonly measures: MeasureDigest | null;
  /** Revised dates, requests waiting, steps, and sign-off (when the programme uses it). */
  readonly governance: GovernanceDigest;
  readonly timeZone: string;
  readonly reportUrl: string | null;
  /** The chart's https address; null (no public address) embeds the chart in the card. */
  readonly chartUrl: string | null;
  /** The measures chart's https address; null embeds it, as for the ratings chart. */
  readonly measureChartUrl: string | null;
  /** A first line above the rest ("Preview: …"). */
  readonly preface?: string;
  /** How the card names people: by name and job title, as the board knows them. */
  readonly names: PeopleNames;
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
    // An agreed revision moves the date the digest calls overdue; the plan's original stays.
    actions: actionsAsRevised(snapshot),
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
  const measureChartUrl = input.measureChartLink?.(programme.id, periodId, scope?.code) ?? null;
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
      governance: governanceOf(snapshot, data, today, input.asAt),
      timeZone: programme.timeZone,
      reportUrl,
      chartUrl,
      measureChartUrl,
      names: input.names ?? NO_NAMES,
      ...(input.preface !== undefined && { preface: input.preface }),
    },
  };
}

/**
 * "Since the last board": decisions taken after the day of the previous period's board
 * meeting (or its closing day when it names no meeting); the first period counts them all.
 */
function governanceOf(
  snapshot: ProgrammeSnapshot,
  data: DigestData,
  today: IsoDate,
  asAt: string,
): GovernanceDigest {
  const { programme, governance } = snapshot;
  const scope = data.workstream;
  const actions = scope
    ? snapshot.actions.filter((a) => a.workstream.toUpperCase() === scope.code.toUpperCase())
    : snapshot.actions;
  const previous = data.previousPeriod;
  const lastBoard = previous ? (previous.boardMeeting ?? previous.closes) : null;
  const since =
    lastBoard === null ? null : zonedInstant(lastBoard, '23:59', programme.timeZone).toISOString();
  const workstreams = (scope ? [scope] : snapshot.workstreams).map((w) => w.code);
  return governanceDigest({
    actions,
    requests: governance.requests,
    ticks: governance.ticks,
    signOff: governance.settings.signOff
      ? signOffStates(workstreams, data.period.id, governance.signOffs, governance.queries)
      : null,
    since,
    asAt,
    today,
  });
}

function actionsAsRevised(snapshot: ProgrammeSnapshot): readonly Action[] {
  const { requests } = snapshot.governance;
  if (requests.length === 0) return snapshot.actions;
  const byRef = new Map<string, RevisionRequest[]>();
  for (const request of requests) {
    const ref = request.ref.toUpperCase();
    byRef.set(ref, [...(byRef.get(ref) ?? []), request]);
  }
  return snapshot.actions.map((action) => {
    const own = byRef.get(action.ref.toUpperCase());
    return own ? withRevisions(action, own) : action;
  });
}
