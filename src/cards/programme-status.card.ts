import { formatDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/local-date.js';
import { RATING_ORDER, type RatingCounts } from '../domain/rating.js';
import { ratingBadge } from './rating-style.js';
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
  }[];
  readonly totals: RatingCounts;
  readonly total: number;
  readonly overdue: number;
}

/** Ratings with their counts, in BRAG order; ratings nobody has are left out. */
export function countsData(counts: RatingCounts): Record<string, unknown>[] {
  return RATING_ORDER.filter((rating) => counts[rating] > 0).map((rating) => {
    const badge = ratingBadge(rating);
    return { label: badge.label, color: badge.color, count: counts[rating] };
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderProgrammeStatusCard(view: ProgrammeStatusView): RenderedCard {
  return renderTemplate('programme-status', {
    title: `${view.programme.name}: status`,
    subtitle: `As at ${formatDate(view.today)} · ${plural(view.total, 'action', 'actions')} · ${view.overdue} overdue`,
    totals: countsData(view.totals),
    workstreams: view.workstreams.map((ws) => ({
      heading: `${ws.code} · ${ws.name} (${plural(ws.total, 'action', 'actions')})`,
      counts: countsData(ws.counts),
      overdue: ws.overdue,
      overdueText: `${ws.overdue} overdue`,
    })),
    hint: 'Type /status and a workstream code (or an action reference) for the detail.',
  });
}
