import { RATING_COLOUR } from '../../domain/rating.js';

/** CSS class of a rating's cell: "rating-not-yet-rated" for the words with spaces. */
export function ratingClass(rating: string): string {
  return `rating-${rating.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

/** A swatch of the one palette before the word; the word keeps the text colour (AA). */
const ratingRules = Object.entries(RATING_COLOUR)
  .map(([rating, colour]) => `.${ratingClass(rating)}::before { background: ${colour}; }`)
  .join('\n');

/**
 * Screen and print in one sheet. Printing keeps the rating colours (the words are there
 * anyway), turns landscape, and never splits a table row across pages. Long words wrap and
 * only the BRAG grid scrolls sideways, so nothing is cut off at the page's right edge.
 */
export const REPORT_CSS = `
:root { color: #111827; font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 78rem; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2.25rem; border-bottom: 2px solid #d1d5db; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.subtle { color: #4b5563; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #9ca3af; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #e5e7eb; }
td.rating { font-weight: 600; white-space: nowrap; }
td.rating::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; vertical-align: -0.05em; }
${ratingRules}
ul.items { padding-left: 1.25rem; }
blockquote { margin: 0.25rem 0 0.75rem 0; padding-left: 0.75rem; border-left: 4px solid #d1d5db; }
img.chart { max-width: 100%; height: auto; }
td.track { font-weight: 600; white-space: nowrap; }
td.track-on-track { background: #dcfce7; }
td.track-off-track { background: #fee2e2; }
a { color: #1d4ed8; }
.grid-wrap { overflow-x: auto; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr, blockquote, li { break-inside: avoid; }
  thead { display: table-header-group; }
  section.workstream { break-before: page; }
  .grid-wrap { overflow: visible; }
  table { table-layout: fixed; }
  .no-print { display: none; }
}
`;
