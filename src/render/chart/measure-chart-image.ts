import type { MeasureStanding } from '../../domain/measure-digest.js';
import { pngDataUri, renderChartPng } from './chart-png.js';
import { writeMeasureChartSvg } from './measure-chart.js';
import { measureChartText } from '../../domain/measure-words.js';

/** The measures chart as a card shows it: an embedded PNG, its size and words for it. */
export interface MeasureChart {
  readonly dataUri: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Every figure each panel shows, so a screen reader hears what the picture says. */
  readonly altText: string;
  /** The codes drawn, in order. */
  readonly codes: readonly string[];
}

/**
 * Panels beyond this make the picture too long for a phone and the message too heavy; the
 * others are listed in words, and every one is in the full report and the board pack.
 */
export const MAX_CHART_MEASURES = 4;

/** Which measures are drawn: those off track first, then those with values, in plan order. */
export function measuresToDraw(standings: readonly MeasureStanding[]): MeasureStanding[] {
  const rank = (s: MeasureStanding) =>
    s.progress.track === 'off track' ? 0 : s.progress.latest ? 1 : 2;
  return standings
    .map((standing, index) => ({ standing, index }))
    .filter(({ standing }) => standing.progress.latest !== null)
    .sort((a, b) => rank(a.standing) - rank(b.standing) || a.index - b.index)
    .slice(0, MAX_CHART_MEASURES)
    .map(({ standing }) => standing);
}

/** Null when no measure has a value yet: an empty picture says nothing. */
export function drawMeasureChart(standings: readonly MeasureStanding[]): MeasureChart | null {
  const drawn = measuresToDraw(standings);
  if (drawn.length === 0) return null;
  const { png, width, height } = renderChartPng(writeMeasureChartSvg(drawn));
  const words = drawn.map(({ measure, progress }) => measureChartText(measure, progress));
  return {
    dataUri: pngDataUri(png),
    png,
    width,
    height,
    altText: [`Chart of measures, ${width} by ${height} pixels.`, ...words].join(' '),
    codes: drawn.map((s) => s.measure.code),
  };
}
