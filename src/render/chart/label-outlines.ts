import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { escapeXml } from './chart-svg.js';
import type { ChartLabel } from './chart-svg.js';
import { resvg } from './resvg.js';

/** A label's letter shapes, drawn with its anchor point at (0, `baseline`). */
interface Outline {
  readonly d: string;
  readonly baseline: number;
}

/** Far apart enough that no two labels of a batch share a line. */
const ROW = 100;
/** Chart labels repeat (counts, rating words, periods, workstreams); a bound keeps odd ones out. */
const MAX_OUTLINES = 5_000;

const outlines = new Map<string, Outline>();

function keyOf(label: Pick<ChartLabel, 'style' | 'content'>): string {
  return `${label.style}\n${label.content}`;
}

/**
 * Lays out, once, the labels not seen before: resvg turns text into outlines, and its
 * simplified SVG gives each label's path. Text layout reads the font file for every label,
 * which made it most of a chart's cost; a label's shapes never change, so they are kept.
 */
function learn(
  labels: readonly ChartLabel[],
  font: NonNullable<ResvgRenderOptions['font']>,
  head: string,
) {
  const missing = [
    ...new Map(labels.filter((l) => !outlines.has(keyOf(l))).map((l) => [keyOf(l), l])).values(),
  ];
  if (missing.length === 0) return;
  const body = missing
    .map(
      (l, i) =>
        `<text id="l${i}" x="0" y="${(i + 1) * ROW}" ${l.style}>${escapeXml(l.content)}</text>`,
    )
    .join('');
  const { Resvg } = resvg();
  const simplified = new Resvg(`${head}${body}</svg>`, { font }).toString();
  const paths = new Map<number, string>();
  for (const group of simplified.matchAll(/<g id="l(\d+)">([\s\S]*?)<\/g>/g)) {
    const shapes = [...(group[2] ?? '').matchAll(/ d="([^"]+)"/g)].map((m) => m[1] ?? '');
    paths.set(Number(group[1]), shapes.join(' '));
  }
  if (outlines.size + missing.length > MAX_OUTLINES) outlines.clear();
  missing.forEach((label, i) => {
    outlines.set(keyOf(label), { d: paths.get(i) ?? '', baseline: (i + 1) * ROW });
  });
}

/** Every label as a filled path at its place, so the picture needs no text layout. */
export function labelsAsPaths(
  labels: readonly ChartLabel[],
  font: NonNullable<ResvgRenderOptions['font']>,
  head: string,
): string {
  learn(labels, font, head);
  return labels
    .map((label) => {
      const outline = outlines.get(keyOf(label));
      if (!outline || outline.d === '') return '';
      const fill = /fill="([^"]+)"/.exec(label.style)?.[1] ?? '#000000';
      const dy = Math.round((label.y - outline.baseline) * 10) / 10;
      return `<path fill="${fill}" transform="translate(${label.x} ${dy})" d="${outline.d}"/>`;
    })
    .join('');
}
