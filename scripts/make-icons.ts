import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

/**
 * Draws the Teams app icons from SVG: a BRAG grid of four tiles with a tick. Run
 * `npx tsx scripts/make-icons.ts` after changing a drawing; the PNGs are committed.
 */
const folder = fileURLToPath(new URL('../manifest/', import.meta.url));

/** Full colour, 192×192: the four rating colours on the app's accent colour. */
const COLOUR = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 192 192" width="192" height="192">
  <rect width="192" height="192" fill="#1d4ed8"/>
  <rect x="36" y="36" width="54" height="54" rx="8" fill="#60a5fa"/>
  <rect x="102" y="36" width="54" height="54" rx="8" fill="#22c55e"/>
  <rect x="36" y="102" width="54" height="54" rx="8" fill="#f59e0b"/>
  <rect x="102" y="102" width="54" height="54" rx="8" fill="#ef4444"/>
  <path d="M52 96 l28 28 l60 -60" fill="none" stroke="#ffffff" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/** Outline, 32×32: white lines on a transparent ground, as Teams asks. */
const OUTLINE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
  <g fill="none" stroke="#ffffff" stroke-width="2">
    <rect x="4" y="4" width="10" height="10" rx="2"/>
    <rect x="18" y="4" width="10" height="10" rx="2"/>
    <rect x="4" y="18" width="10" height="10" rx="2"/>
    <rect x="18" y="18" width="10" height="10" rx="2"/>
  </g>
</svg>`;

function png(svg: string, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng();
}

await writeFile(`${folder}color.png`, png(COLOUR, 192));
await writeFile(`${folder}outline.png`, png(OUTLINE, 32));
console.log(`Wrote color.png (192×192) and outline.png (32×32) into ${folder}`);
