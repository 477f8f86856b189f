import { formatMeasureValue, type Measure } from '../../domain/measure.js';
import type { MeasureProgress } from '../../domain/measure-progress.js';
import { CHART_FONT_FAMILY, escapeXml, type ChartLabel, type ChartSvg } from './chart-svg.js';
import { TRACK_WORDS } from '../../domain/measure-words.js';

/** What one panel draws: a measure and where it stands. */
export interface MeasurePanel {
  readonly measure: Measure;
  readonly progress: MeasureProgress;
}

type Part = string | ChartLabel;

/** One column of panels: narrow enough to stay legible on a 375 px phone. */
const WIDTH = 360;
const MARGIN = 12;
const PANEL_HEIGHT = 168;
const PLOT_LEFT = 48;
const PLOT_RIGHT = WIDTH - 96;
const TEXT = '#111827';
const MUTED = '#4b5563';
const VALUE = '#1d4ed8';
const TARGET = '#15803d';
const COMPARATOR = '#6b7280';

/**
 * Small charts of measures, one under another: each value over the periods as a line with
 * its figure written beside each point, the target as a dashed line and each comparator as
 * a dotted line, every line named in words at its end, so nothing relies on colour.
 */
export function writeMeasureChartSvg(panels: readonly MeasurePanel[]): ChartSvg {
  const parts: Part[] = [];
  panels.forEach((panel, index) => writePanel(parts, panel, MARGIN + index * PANEL_HEIGHT));
  const height = MARGIN * 2 + Math.max(1, panels.length) * PANEL_HEIGHT - 12;
  if (panels.length === 0) parts.push(label(MARGIN, MARGIN + 14, 'No measures', MUTED));
  const shapes =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" font-family="${CHART_FONT_FAMILY}" font-size="12">` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    parts.filter((part): part is string => typeof part === 'string').join('');
  const labels = parts.filter((part): part is ChartLabel => typeof part !== 'string');
  const text = labels
    .map((l) => `<text x="${l.x}" y="${l.y}" ${l.style}>${escapeXml(l.content)}</text>`)
    .join('');
  return { svg: `${shapes}${text}</svg>`, width: WIDTH, height, layers: { shapes, labels } };
}

function writePanel(parts: Part[], panel: MeasurePanel, top: number): void {
  const { measure, progress } = panel;
  const unit = (value: number) => formatMeasureValue(measure.unit, value);
  parts.push(label(MARGIN, top + 13, clip(`${measure.code} · ${measure.name}`, 46), TEXT, true));
  const status = [TRACK_WORDS[progress.track], progress.direction].join(' · ');
  parts.push(label(MARGIN, top + 29, status, MUTED));
  const plotTop = top + 44;
  const plotBottom = top + PANEL_HEIGHT - 34;
  const references = [
    ...(measure.target ? [{ name: 'Target', value: measure.target.value, kind: 'target' }] : []),
    ...measure.comparators.map((c) => ({ name: c.name, value: c.value, kind: 'comparator' })),
    ...(measure.baseline
      ? [{ name: 'Baseline', value: measure.baseline.value, kind: 'comparator' }]
      : []),
  ];
  const figures = [...progress.series.map((p) => p.value), ...references.map((r) => r.value)];
  const [low, high] = range(figures, measure.unit === '%');
  const y = (value: number) => plotBottom - ((value - low) / (high - low)) * (plotBottom - plotTop);
  parts.push(axis(PLOT_LEFT, plotBottom, PLOT_RIGHT, plotBottom));
  parts.push(label(PLOT_LEFT - 4, plotBottom + 4, unit(low), MUTED, false, 'end'));
  parts.push(label(PLOT_LEFT - 4, plotTop + 4, unit(high), MUTED, false, 'end'));
  const named = [...references]
    .sort((a, b) => y(a.value) - y(b.value))
    .map((reference) => ({
      at: y(reference.value),
      name: reference.name,
      figure: unit(reference.value),
      target: reference.kind === 'target',
      colour: reference.kind === 'target' ? TARGET : COMPARATOR,
    }));
  for (const { at, target, colour } of named) {
    parts.push(
      `<line x1="${PLOT_LEFT}" y1="${r(at)}" x2="${PLOT_RIGHT}" y2="${r(at)}" stroke="${colour}" stroke-width="${target ? 2 : 1.5}" stroke-dasharray="${target ? '6 3' : '2 3'}"/>`,
    );
  }
  // Beside the plot, from its top to its axis: below that, the last period's name may reach.
  for (const line of referenceLabels(named, plotTop, plotBottom)) {
    // A label moved off its line is joined to it, so its figure is not read as a neighbour's.
    if (line.from !== null) {
      parts.push(
        `<path d="M${PLOT_RIGHT} ${r(line.from)} L${PLOT_RIGHT + 4} ${r(line.baseline - 4)}" fill="none" stroke="${line.colour}" stroke-width="1"/>`,
      );
    }
    parts.push(label(PLOT_RIGHT + 6, line.baseline, line.words, line.colour));
  }
  const points = progress.series;
  const slot = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, points.length);
  const x = (index: number) => PLOT_LEFT + slot * index + slot / 2;
  if (points.length > 1) {
    const path = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${r(x(i))} ${r(y(p.value))}`)
      .join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${VALUE}" stroke-width="2.5"/>`);
  }
  const labelled = new Set([0, points.length - 1, points.length - 2]);
  const lines = references.map((reference) => y(reference.value));
  points.forEach((point, index) => {
    parts.push(`<circle cx="${r(x(index))}" cy="${r(y(point.value))}" r="3.5" fill="${VALUE}"/>`);
    // The first and the last two values are written; the rest are in the text alternative.
    if (labelled.has(index) || points.length <= 6) {
      const baseline = valueBaseline(y(point.value), lines, plotTop, plotBottom);
      parts.push(label(x(index), baseline, unit(point.value), VALUE, true, 'middle'));
    }
  });
  const every = Math.max(1, Math.ceil(points.length / 4));
  points.forEach((point, index) => {
    if (index % every === 0 || index === points.length - 1) {
      parts.push(label(x(index), plotBottom + 15, point.periodId, MUTED, false, 'middle'));
    }
  });
  if (points.length === 0) parts.push(label(PLOT_LEFT + 8, plotBottom - 8, 'No values yet', MUTED));
}

/** Characters of a 12 px label that fit in the 90 px beside the plot (about 7.2 px each). */
const SIDE_CHARS = 12;
/** From one line of a label to the next. */
const LEADING = 13;

interface ReferenceLine {
  readonly baseline: number;
  readonly words: string;
  readonly colour: string;
  /** On the line with the figure, when it is not level with its line: where that line is. */
  readonly from: number | null;
}

/**
 * The names of the target and comparators beside their lines, each over as many lines as it
 * needs ("statistical / neighbours / and East of / England 65%") and never over another's.
 * The line that ends with the figure is level with its line where it can be, the rest of the
 * name above it; one that would touch the label above moves down, and any that would run past
 * the axis move up together. If they cannot all fit whole, names are cut (keeping the
 * figure), first to three lines each, then two, then one.
 */
function referenceLabels(
  references: readonly { at: number; name: string; figure: string; colour: string }[],
  top: number,
  bottom: number,
): ReferenceLine[] {
  for (const most of [4, 3, 2, 1]) {
    const blocks = references.map((reference) => {
      const lines = wrapName(reference.name, reference.figure, most);
      return { ...reference, lines, height: (lines.length - 1) * LEADING, first: 0 };
    });
    let below = -Infinity;
    for (const block of blocks) {
      block.first = Math.max(block.at + 4 - block.height, below + LEADING);
      below = block.first + block.height;
    }
    let above = bottom + LEADING;
    for (const block of [...blocks].reverse()) {
      block.first = Math.min(block.first, above - LEADING - block.height);
      above = block.first;
    }
    if (most === 1 || blocks.every((block) => block.first >= top)) {
      return blocks.flatMap((block) =>
        block.lines.map((words, i) => {
          const baseline = block.first + i * LEADING;
          const last = i === block.lines.length - 1;
          const level = Math.abs(baseline - 4 - block.at) <= 3;
          return { baseline, words, colour: block.colour, from: last && !level ? block.at : null };
        }),
      );
    }
  }
  return [];
}

/**
 * A reference's name and figure in lines of at most {@link SIDE_CHARS} characters, broken
 * between words, at most `most` lines: a name too long for them is cut with "…", never its
 * figure, which ends the last line.
 */
function wrapName(name: string, figure: string, most: number): string[] {
  const lines: string[] = [];
  for (const word of [...name.split(/\s+/).filter((w) => w !== ''), figure]) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= SIDE_CHARS) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(clip(word, SIDE_CHARS));
  }
  if (lines.length <= most) return lines;
  const kept = lines.slice(0, most - 1);
  const rest = lines.slice(most - 1).join(' ');
  const nameRest = rest.slice(0, rest.length - figure.length).trimEnd();
  const room = SIDE_CHARS - figure.length - 1;
  return [...kept, room > 1 ? `${clip(nameRest, room)} ${figure}` : clip(figure, SIDE_CHARS)];
}

/** How far a 12 px label reaches above its baseline, and below it. */
const ASCENT = 10;
const DESCENT = 3;

/**
 * Where a value's label sits: above its point if no target or comparator line runs through the
 * words there, else the nearest place that is clear (below the point, or just above or below a
 * line), within the plot and off the point itself.
 */
function valueBaseline(point: number, lines: readonly number[], top: number, axis: number): number {
  const above = point - 7;
  const crossed = (baseline: number, line: number) =>
    line >= baseline - ASCENT - 1 && line <= baseline + DESCENT + 1;
  // The point is drawn 3.5 px either side of its centre.
  const onPoint = (baseline: number) =>
    baseline + DESCENT > point - 3.5 && baseline - ASCENT < point + 3.5;
  const clear = (baseline: number) =>
    baseline - ASCENT >= top - 8 &&
    baseline + DESCENT < axis &&
    !onPoint(baseline) &&
    !lines.some((line) => crossed(baseline, line));
  const candidates = [
    above,
    point + 7 + ASCENT,
    ...lines.flatMap((line) => [line - DESCENT - 2, line + ASCENT + 2]),
  ];
  const middle = (baseline: number) => baseline - (ASCENT - DESCENT) / 2;
  const nearest = candidates
    .filter(clear)
    .sort((a, b) => Math.abs(middle(a) - point) - Math.abs(middle(b) - point));
  return nearest[0] ?? above;
}

/** The span the plot shows: every figure, with room above and below; 0 to 100 at most for %. */
function range(figures: readonly number[], percentage: boolean): [number, number] {
  if (figures.length === 0) return [0, percentage ? 100 : 1];
  let low = Math.min(...figures);
  let high = Math.max(...figures);
  const pad = high === low ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.15;
  low -= pad;
  high += pad;
  if (percentage) {
    low = Math.max(0, low);
    high = Math.min(100, high);
  }
  if (low > 0 && low < (high - low) * 0.5) low = 0;
  return [nice(low, 'down'), nice(high, 'up')];
}

function nice(value: number, way: 'up' | 'down'): number {
  const step = Math.abs(value) >= 100 ? 10 : Math.abs(value) >= 10 ? 1 : 0.1;
  const rounded = way === 'up' ? Math.ceil(value / step) * step : Math.floor(value / step) * step;
  return Math.round(rounded * 10) / 10;
}

function axis(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${MUTED}" stroke-width="1"/>`;
}

function label(
  x: number,
  y: number,
  content: string,
  fill: string,
  bold = false,
  anchor: 'start' | 'middle' | 'end' = 'start',
): ChartLabel {
  const anchorStyle = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
  const weight = bold ? ' font-weight="bold"' : '';
  return { x: r(x), y: r(y), content, style: `fill="${fill}"${anchorStyle}${weight}` };
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
