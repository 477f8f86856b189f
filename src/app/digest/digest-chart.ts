import type { Workstream } from '../../domain/programme.js';
import { chartDataOf } from './chart-data.js';
import type { ChartInput } from './chart-data.js';
import { pngDataUri, renderChartPng } from './chart-png.js';
import { TALLY_ORDER, writeChartSvg } from './chart-svg.js';
import type { ChartBar, DigestChartData, RatingTally } from './chart-svg.js';

/** The chart as a card shows it: an embedded PNG, its pixel size and words for it. */
export interface DigestChart {
  readonly dataUri: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Says every number the picture shows, and its size, for screen readers. */
  readonly altText: string;
}

/** More bars than this stop being readable at phone width; the rest are added up as one. */
export const MAX_CHART_WORKSTREAMS = 12;
/** The trend shows the latest periods only, as a board compares with the recent past. */
export const MAX_CHART_PERIODS = 8;

export function buildDigestChart(data: DigestChartData): DigestChart {
  const shown: DigestChartData = {
    workstreams: limitBars(data.workstreams, MAX_CHART_WORKSTREAMS),
    trend: data.trend.slice(-MAX_CHART_PERIODS),
  };
  const { png, width, height } = renderChartPng(writeChartSvg(shown));
  return { dataUri: pngDataUri(png), png, width, height, altText: altTextOf(shown, width, height) };
}

/**
 * The chart of one scope (the programme, or one workstream) of a loaded programme. The
 * digest card and the chart's own address both draw it here, so they show the same picture.
 */
export function digestChartOf(
  snapshot: Omit<ChartInput, 'periodId'>,
  periodId: string,
  scope: Workstream | null,
): DigestChart {
  return buildDigestChart(
    chartDataOf({
      ...snapshot,
      periodId,
      ...(scope && {
        workstreams: [scope],
        actions: snapshot.actions.filter((a) => a.workstream === scope.code),
      }),
    }),
  );
}

/** Keeps the first `max - 1` bars and adds the others up into one, so totals stay true. */
export function limitBars(bars: readonly ChartBar[], max: number): readonly ChartBar[] {
  if (bars.length <= max) return bars;
  const kept = bars.slice(0, max - 1);
  const rest = bars.slice(max - 1);
  const counts = Object.fromEntries(
    TALLY_ORDER.map((rating) => [rating, rest.reduce((sum, bar) => sum + bar.counts[rating], 0)]),
  ) as Record<keyof RatingTally, number>;
  return [...kept, { label: `${rest.length} other workstreams`, counts }];
}

function altTextOf(data: DigestChartData, width: number, height: number): string {
  const workstreams = data.workstreams.map((bar) => `${bar.label}: ${countsInWords(bar.counts)}`);
  const trend = data.trend.map((bar) => `${bar.label}: ${countsInWords(bar.counts)}`);
  return [
    `Chart, ${width} by ${height} pixels.`,
    `Ratings by workstream: ${workstreams.join('; ') || 'none'}.`,
    `Trend across periods: ${trend.join('; ') || 'none'}.`,
  ].join(' ');
}

/** "2 Blue, 3 Green" — zero counts are left out so the text stays short. */
export function countsInWords(counts: RatingTally): string {
  const words = TALLY_ORDER.filter((rating) => counts[rating] > 0).map(
    (rating) => `${counts[rating]} ${rating}`,
  );
  return words.length > 0 ? words.join(', ') : 'no actions';
}
