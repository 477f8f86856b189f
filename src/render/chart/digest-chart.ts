import type { ChartBar, DigestChartData } from '../../app/digest/chart-data.js';
import { pngDataUri, renderChartPng } from './chart-png.js';
import { RATING_ORDER, type RatingCounts } from '../../domain/rating.js';
import { writeChartSvg } from './chart-svg.js';

/** A chart laid out but not drawn: the pixel size it will have and the words for it. */
export interface ChartOutline {
  readonly width: number;
  readonly height: number;
  /** Says every number the picture shows, and its size, for screen readers. */
  readonly altText: string;
}

/** The chart as a card embeds it: the PNG as well as its size and words. */
export interface DigestChart extends ChartOutline {
  readonly dataUri: string;
  readonly png: Buffer;
}

/** More bars than this stop being readable at phone width; the rest are added up as one. */
export const MAX_CHART_WORKSTREAMS = 12;
/** The trend shows the latest periods only, as a board compares with the recent past. */
export const MAX_CHART_PERIODS = 8;

/** The digest's chart drawn: at most a phone's width of bars, as a PNG with words for it. */
export function drawDigestChart(data: DigestChartData): DigestChart {
  const shown = shownOf(data);
  const { png, width, height } = renderChartPng(writeChartSvg(shown));
  return { dataUri: pngDataUri(png), png, width, height, altText: altTextOf(shown, width, height) };
}

/**
 * The digest's chart laid out only, for a card that links the picture rather than carrying
 * it: the same size and words as `drawDigestChart`, without the cost of the pixels.
 */
export function outlineDigestChart(data: DigestChartData): ChartOutline {
  const shown = shownOf(data);
  const { width, height } = writeChartSvg(shown);
  return { width, height, altText: altTextOf(shown, width, height) };
}

function shownOf(data: DigestChartData): DigestChartData {
  return {
    workstreams: limitBars(data.workstreams, MAX_CHART_WORKSTREAMS),
    trend: data.trend.slice(-MAX_CHART_PERIODS),
  };
}

/** Keeps the first `max - 1` bars and adds the others up into one, so totals stay true. */
export function limitBars(bars: readonly ChartBar[], max: number): readonly ChartBar[] {
  if (bars.length <= max) return bars;
  const kept = bars.slice(0, max - 1);
  const rest = bars.slice(max - 1);
  const counts = Object.fromEntries(
    RATING_ORDER.map((rating) => [rating, rest.reduce((sum, bar) => sum + bar.counts[rating], 0)]),
  ) as Record<keyof RatingCounts, number>;
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
export function countsInWords(counts: RatingCounts): string {
  const words = RATING_ORDER.filter((rating) => counts[rating] > 0).map(
    (rating) => `${counts[rating]} ${rating}`,
  );
  return words.length > 0 ? words.join(', ') : 'no actions';
}
