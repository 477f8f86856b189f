import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';

/** How long a digest's link to the full report works: past the board meeting it was for. */
export const REPORT_LINK_DAYS = 35;
const MS_PER_DAY = 86_400_000;

export interface ReportLinkOptions {
  /** PUBLIC_BASE_URL; null for no links at all (a local run). */
  readonly publicBaseUrl: string | null;
  /**
   * Signs the links so only people sent a digest can open the report. Null leaves the
   * report open to anyone who can reach the server (local use, loopback only).
   */
  readonly secret: string | null;
  readonly clock: Clock;
}

/** What a report request carried, for checking its signature. */
export interface ReportLinkQuery {
  readonly period: string | undefined;
  readonly expires: string | undefined;
  readonly sig: string | undefined;
}

/** What a chart request carried: the report's query and the workstream it was drawn for. */
export interface ChartLinkQuery extends ReportLinkQuery {
  readonly workstream: string | undefined;
}

export type ReportLinkCheck = 'open' | 'valid' | 'expired' | 'invalid';

export interface ReportLinks {
  /** The report's address for a digest of this period; null when no base URL is set. */
  urlFor(programmeId: string, periodId: string): string | null;
  check(programmeId: string, query: ReportLinkQuery): ReportLinkCheck;
  /**
   * The digest chart's address (`/report/{programme}/chart.png`), so a card can show it
   * without carrying the picture; null when no base URL is set.
   */
  chartUrlFor(programmeId: string, periodId: string, workstream?: string): string | null;
  checkChart(programmeId: string, query: ChartLinkQuery): ReportLinkCheck;
  /**
   * The digest's measures chart (`/report/{programme}/measures.png`), signed for that chart
   * alone; null when no base URL is set.
   */
  measureChartUrlFor(programmeId: string, periodId: string, workstream?: string): string | null;
  checkMeasureChart(programmeId: string, query: ChartLinkQuery): ReportLinkCheck;
}

type LinkPurpose = 'report' | 'chart' | 'measures';

/** Where each chart is served from, under `/report/{programme}/`. */
const CHART_FILES = { chart: 'chart.png', measures: 'measures.png' } as const;

/**
 * The purpose is signed too, so a chart's link cannot be replayed to open the report. A
 * report's message is unchanged from before charts had links: links already sent still work.
 */
function signature(
  secret: string,
  purpose: LinkPurpose,
  fields: readonly string[],
  expires: string,
): string {
  return createHmac('sha256', secret)
    .update([purpose, ...fields, expires].join('\n'))
    .digest('base64url');
}

export function createReportLinks(options: ReportLinkOptions): ReportLinks {
  const base = options.publicBaseUrl?.trim().replace(/\/+$/, '') ?? '';
  const secret = options.secret === null || options.secret === '' ? null : options.secret;

  function signed(url: string, purpose: LinkPurpose, fields: readonly string[]): string {
    if (secret === null) return url;
    const expires = String(
      Math.floor((options.clock.now().getTime() + REPORT_LINK_DAYS * MS_PER_DAY) / 1000),
    );
    return `${url}&expires=${expires}&sig=${signature(secret, purpose, fields, expires)}`;
  }

  function check(
    purpose: LinkPurpose,
    fields: readonly (string | undefined)[],
    { expires, sig }: ReportLinkQuery,
  ): ReportLinkCheck {
    if (secret === null) return 'open';
    const known = fields.filter((field): field is string => field !== undefined);
    if (known.length !== fields.length || expires === undefined || sig === undefined) {
      return 'invalid';
    }
    const wanted = Buffer.from(signature(secret, purpose, known, expires));
    const given = Buffer.from(sig);
    if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) return 'invalid';
    return Number(expires) * 1000 > options.clock.now().getTime() ? 'valid' : 'expired';
  }

  return {
    urlFor(programmeId, periodId) {
      if (base === '') return null;
      const url = `${base}/report/${encodeURIComponent(programmeId)}?period=${encodeURIComponent(periodId)}`;
      return signed(url, 'report', [programmeId, periodId]);
    },

    check(programmeId, query) {
      return check('report', [programmeId, query.period], query);
    },

    chartUrlFor(programmeId, periodId, workstream) {
      return chartUrl('chart', programmeId, periodId, workstream);
    },

    checkChart(programmeId, query) {
      return check('chart', [programmeId, query.period, query.workstream ?? ''], query);
    },

    measureChartUrlFor(programmeId, periodId, workstream) {
      return chartUrl('measures', programmeId, periodId, workstream);
    },

    checkMeasureChart(programmeId, query) {
      return check('measures', [programmeId, query.period, query.workstream ?? ''], query);
    },
  };

  function chartUrl(
    purpose: keyof typeof CHART_FILES,
    programmeId: string,
    periodId: string,
    workstream: string | undefined,
  ): string | null {
    if (base === '') return null;
    const scope = workstream === undefined ? '' : `&workstream=${encodeURIComponent(workstream)}`;
    const url = `${base}/report/${encodeURIComponent(programmeId)}/${CHART_FILES[purpose]}?period=${encodeURIComponent(periodId)}${scope}`;
    return signed(url, purpose, [programmeId, periodId, workstream ?? '']);
  }
}
