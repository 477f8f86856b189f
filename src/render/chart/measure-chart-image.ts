import type { MeasureStanding } from '../../domain/measure-digest.js';
import { pngDataUri, renderChartPng } from './chart-png.js';
import type { ChartSvg } from './chart-svg.js';
import type { ChartOutline } from './digest-chart.js';
import { writeMeasureChartSvg } from './measure-chart.js';
import { measureChartText } from '../../domain/measure-words.js';

/** The measures chart laid out: its size, the words for it and the measures it shows. */
export interface MeasureChartOutline extends ChartOutline {
  /** The codes drawn, in order. */
  readonly codes: readonly string[];
}

/** The measures chart as a card embeds it: the PNG as well. */
export interface MeasureChart extends MeasureChartOutline {
  readonly dataUri: string;
  readonly png: Buffer;
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
  const laid = layOut(standings);
  if (!laid) return null;
  const { png } = renderChartPng(laid.svg);
  return { ...laid.outline, dataUri: pngDataUri(png), png };
}

/**
 * The chart `drawMeasureChart` would draw, laid out only, for a card that links the picture:
 * the same size, words and codes without the cost of the pixels. Null as it would be.
 */
export function outlineMeasureChart(
  standings: readonly MeasureStanding[],
): MeasureChartOutline | null {
  return layOut(standings)?.outline ?? null;
}

function layOut(
  standings: readonly MeasureStanding[],
): { readonly svg: ChartSvg; readonly outline: MeasureChartOutline } | null {
  const drawn = measuresToDraw(standings);
  if (drawn.length === 0) return null;
  const svg = writeMeasureChartSvg(drawn);
  const { width, height } = svg;
  const words = drawn.map(({ measure, progress }) => measureChartText(measure, progress));
  return {
    svg,
    outline: {
      width,
      height,
      altText: [`Chart of measures, ${width} by ${height} pixels.`, ...words].join(' '),
      codes: drawn.map((s) => s.measure.code),
    },
  };
}
