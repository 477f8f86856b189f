import { formatDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/local-date.js';
import { RATING_ORDER, type RatingCounts } from '../domain/rating.js';
import { ratingSwatch } from './swatch.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ProgrammeStatusView {
  readonly programme: { readonly name: string };
  readonly today: IsoDate;
  readonly workstreams: readonly {
    readonly code: string;
    readonly name: string;
    readonly counts: RatingCounts;
    readonly total: number;
    readonly overdue: number;
    /** Not yet rated in the open period (null or absent: no period open). */
    readonly notReported?: number | null;
  }[];
  readonly totals: RatingCounts;
  readonly total: number;
  readonly overdue: number;
  readonly notReported?: number | null;
  /** The period open today, which "not reported" counts in. */
  readonly period?: { readonly id: string } | null;
}

/**
 * Ratings with their counts, in BRAG order, as a bar of the palette's colours (each part as
 * wide as its count) above the words; ratings nobody has are left out.
 */
export function countsData(counts: RatingCounts): Record<string, unknown>[] {
  return RATING_ORDER.filter((rating) => counts[rating] > 0).map((rating) => ({
    rating,
    swatch: ratingSwatch(rating),
    count: counts[rating],
  }));
}

/** "Blue 2 · Green 3 · Amber 7": the counts in words beneath the bar. */
export function countsText(counts: RatingCounts): string {
  return RATING_ORDER.filter((rating) => counts[rating] > 0)
    .map((rating) => `${rating} ${counts[rating]}`)
    .join(' · ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 not reported for Apr 2021", or null when there is nothing to say. */
function notReportedText(
  notReported: number | null | undefined,
  period: { readonly id: string } | null | undefined,
): string | null {
  if (notReported === null || notReported === undefined || notReported === 0 || !period) {
    return null;
  }
  return `${notReported} not reported for ${period.id}`;
}

export function renderProgrammeStatusCard(view: ProgrammeStatusView): RenderedCard {
  const unreported = notReportedText(view.notReported, view.period);
  return renderTemplate('programme-status', {
    title: `${view.programme.name}: status`,
    subtitle: [
      `As at ${formatDate(view.today)}`,
      plural(view.total, 'action', 'actions'),
      `${view.overdue} overdue`,
      ...(unreported === null ? [] : [unreported]),
    ].join(' · '),
    totals: countsData(view.totals),
    totalsText: countsText(view.totals),
    workstreams: view.workstreams.map((ws) => ({
      code: ws.code,
      heading: `${ws.code} · ${ws.name} (${plural(ws.total, 'action', 'actions')})`,
      counts: countsData(ws.counts),
      countsText: countsText(ws.counts),
      overdue: ws.overdue,
      overdueText: `${ws.overdue} overdue`,
      notReportedText: notReportedText(ws.notReported, view.period) ?? '',
    })),
    hint: 'Open a workstream for its actions, or type /status and an action reference (/status C2).',
  });
}
