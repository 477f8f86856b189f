import type { ChartBar, DigestChartData } from '../../app/digest/chart-data.js';
import { RATING_COLOUR, RATING_ORDER, totalOf } from '../../domain/rating.js';

/** A text label: where its anchor point is, its words, and its style as SVG attributes. */
export interface ChartLabel {
  readonly x: number;
  readonly y: number;
  readonly content: string;
  /** `fill="#fff" text-anchor="middle"`: the same style gives the same letter shapes. */
  readonly style: string;
}

/** An SVG document with the pixel size it declares. */
export interface ChartSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The same drawing in two halves, so a renderer can draw the labels its own way. */
  readonly layers?: {
    /** `<svg …>` with the background and every shape, not closed. */
    readonly shapes: string;
    readonly labels: readonly ChartLabel[];
  };
}

type Part = string | ChartLabel;

export const CHART_FONT_FAMILY = 'DejaVu Sans';

/**
 * Narrow enough that a phone (a card 343 px wide at 375) shows the 13 px labels at 10 px or
 * more; wider charts were shrunk to 6 px there.
 */
const WIDTH = 420;
const MARGIN = 16;
const LABEL_WIDTH = 130;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 18;
const TREND_HEIGHT = 170;
const TEXT = '#111827';
const MUTED = '#4b5563';

/**
 * Writes the digest chart as SVG: a legend in words, a stacked bar per workstream and a
 * stacked column per period. Every number is written as text as well as drawn, and every
 * colour has its word in the legend, so the chart never relies on colour alone.
 */
export function writeChartSvg(data: DigestChartData): ChartSvg {
  const parts: Part[] = [];
  let y = MARGIN;

  y = writeLegend(parts, y);
  y = writeWorkstreamBars(parts, data.workstreams, y + 12);
  y = writeTrend(parts, data.trend, y + 16);

  const height = y + MARGIN;
  const shapes =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" font-family="${CHART_FONT_FAMILY}" font-size="13">` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    parts.filter((part): part is string => typeof part === 'string').join('');
  const labels = parts.filter((part): part is ChartLabel => typeof part !== 'string');
  return {
    svg: `${shapes}${labelsAsText(labels)}</svg>`,
    width: WIDTH,
    height,
    layers: { shapes, labels },
  };
}

/** The legend wraps onto a second line rather than running off the chart. */
function writeLegend(parts: Part[], top: number): number {
  let x = MARGIN;
  let y = top;
  for (const rating of RATING_ORDER) {
    const width = 19 + approximateTextWidth(rating);
    if (x > MARGIN && x + width > WIDTH - MARGIN) {
      x = MARGIN;
      y += 22;
    }
    parts.push(rect(x, y, 14, 14, RATING_COLOUR[rating]));
    parts.push(text(x + 19, y + 12, rating, { fill: TEXT }));
    x += width + 22;
  }
  return y + 14;
}

function writeWorkstreamBars(parts: Part[], bars: readonly ChartBar[], top: number): number {
  parts.push(text(MARGIN, top + 14, 'Ratings by workstream', { fill: TEXT, bold: true }));
  let y = top + 26;
  const barArea = WIDTH - MARGIN * 2 - LABEL_WIDTH - 44;
  const largest = Math.max(1, ...bars.map((bar) => totalOf(bar.counts)));
  for (const bar of bars) {
    parts.push(text(MARGIN, y + 14, clip(bar.label, 15), { fill: TEXT }));
    let x = MARGIN + LABEL_WIDTH;
    for (const rating of RATING_ORDER) {
      const count = bar.counts[rating];
      if (count === 0) continue;
      const width = (count / largest) * barArea;
      parts.push(rect(x, y, width, BAR_HEIGHT, RATING_COLOUR[rating]));
      if (width >= approximateTextWidth(String(count)) + 6) {
        parts.push(text(x + width / 2, y + 14, String(count), { fill: '#000000', middle: true }));
      }
      x += width;
    }
    parts.push(text(x + 6, y + 14, String(totalOf(bar.counts)), { fill: MUTED }));
    y += ROW_HEIGHT;
  }
  if (bars.length === 0) {
    parts.push(text(MARGIN, y + 14, 'No workstreams', { fill: MUTED }));
    y += ROW_HEIGHT;
  }
  return y;
}

function writeTrend(parts: Part[], columns: readonly ChartBar[], top: number): number {
  parts.push(text(MARGIN, top + 14, 'Trend across periods', { fill: TEXT, bold: true }));
  const chartTop = top + 40;
  const baseline = chartTop + TREND_HEIGHT;
  const slot = (WIDTH - MARGIN * 2) / Math.max(1, columns.length);
  const columnWidth = Math.min(56, slot * 0.6);
  const largest = Math.max(1, ...columns.map((column) => totalOf(column.counts)));
  parts.push(line(MARGIN, baseline, WIDTH - MARGIN, baseline));
  columns.forEach((column, index) => {
    const centre = MARGIN + slot * index + slot / 2;
    const x = centre - columnWidth / 2;
    let y = baseline;
    for (const rating of RATING_ORDER) {
      const count = column.counts[rating];
      if (count === 0) continue;
      const height = (count / largest) * TREND_HEIGHT;
      y -= height;
      parts.push(rect(x, y, columnWidth, height, RATING_COLOUR[rating]));
      if (height >= 15) {
        parts.push(
          text(centre, y + height / 2 + 5, String(count), { fill: '#000000', middle: true }),
        );
      }
    }
    parts.push(text(centre, y - 5, String(totalOf(column.counts)), { fill: MUTED, middle: true }));
    // "Jan 2021" is wider than a column's slot with eight periods: month over year then.
    const label = clip(column.label, 12);
    const space = label.lastIndexOf(' ');
    if (approximateTextWidth(label) > slot - 4 && space > 0) {
      parts.push(text(centre, baseline + 17, label.slice(0, space), { fill: TEXT, middle: true }));
      parts.push(text(centre, baseline + 33, label.slice(space + 1), { fill: TEXT, middle: true }));
    } else {
      parts.push(text(centre, baseline + 17, label, { fill: TEXT, middle: true }));
    }
  });
  if (columns.length === 0) {
    parts.push(text(MARGIN, chartTop + 14, 'No periods yet', { fill: MUTED }));
  }
  return baseline + 40;
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="${fill}"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${MUTED}" stroke-width="1"/>`;
}

interface TextStyle {
  readonly fill: string;
  readonly bold?: boolean;
  readonly middle?: boolean;
}

function text(x: number, y: number, content: string, style: TextStyle): ChartLabel {
  const anchor = style.middle === true ? ' text-anchor="middle"' : '';
  const weight = style.bold === true ? ' font-weight="bold" font-size="15"' : '';
  return { x: round(x), y: round(y), content, style: `fill="${style.fill}"${anchor}${weight}` };
}

/**
 * One `<text>` per style holding each of its labels as a `<tspan>`: resvg lays text out
 * element by element, so a hundred labels as a handful of elements render faster.
 */
function labelsAsText(labels: readonly ChartLabel[]): string {
  const byStyle = new Map<string, string[]>();
  for (const label of labels) {
    const span = `<tspan x="${label.x}" y="${label.y}">${escapeXml(label.content)}</tspan>`;
    byStyle.set(label.style, [...(byStyle.get(label.style) ?? []), span]);
  }
  return [...byStyle].map(([style, spans]) => `<text ${style}>${spans.join('')}</text>`).join('');
}

/** Wide enough for DejaVu Sans at 13 px: the layout only needs to avoid overlaps. */
function approximateTextWidth(content: string): number {
  return content.length * 8;
}

function clip(label: string, length: number): string {
  return label.length <= length ? label : `${label.slice(0, length - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function escapeXml(content: string): string {
  return content
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
