import { existsSync } from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from './chart-svg.js';
import type { ChartSvg } from './chart-svg.js';
import { labelsAsPaths } from './label-outlines.js';
import { resvg } from './resvg.js';

/** A rendered chart: PNG bytes and the pixel size the card states. */
export interface ChartPng {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Where Debian's fonts-dejavu-core puts the face the chart is written for. */
const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * Loading one known font file is quicker and gives the same pixels on every machine; with
 * no DejaVu installed, the system's fonts are scanned so the labels still render.
 */
function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
  if (existsSync(DEJAVU_SANS)) {
    return {
      loadSystemFonts: false,
      fontFiles: [DEJAVU_SANS],
      defaultFontFamily: CHART_FONT_FAMILY,
    };
  }
  return { loadSystemFonts: true, defaultFontFamily: CHART_FONT_FAMILY };
}

let cachedFont: NonNullable<ResvgRenderOptions['font']> | undefined;

export function renderChartPng(chart: ChartSvg): ChartPng {
  cachedFont ??= fontOptions();
  const svg = chart.layers
    ? `${chart.layers.shapes}${labelsAsPaths(chart.layers.labels, cachedFont, svgHead(chart.layers.shapes))}</svg>`
    : chart.svg;
  const { Resvg } = resvg();
  const rendered = new Resvg(svg, {
    font: cachedFont,
    fitTo: { mode: 'original' },
    background: '#ffffff',
  }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** The `<svg …>` opening tag: labels are laid out with the chart's own font settings. */
function svgHead(shapes: string): string {
  return shapes.slice(0, shapes.indexOf('>') + 1);
}

export function pngDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
