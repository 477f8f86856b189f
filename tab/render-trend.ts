import type { DashboardGrid } from '../src/app/dashboard.use-case.js';
import { RATING_ORDER } from '../src/domain/rating.js';
import { NOT_RATED, RATING_COLOUR, RATINGS } from '../src/domain/rating.js';
import { el, svg } from './dom.js';

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 36;
const BOTTOM = 40;
const TOP = 10;

/**
 * Stacked bars: how many of the actions shown had each rating in each period. The words
 * are in the legend and in the chart's description, so colour never carries meaning alone.
 */
export function renderTrend(grid: DashboardGrid): HTMLElement {
  // The scale is every action shown, so a short bar says how few owners have answered yet.
  const max = Math.max(
    1,
    ...grid.trend.map((t) => RATINGS.reduce((s, r) => s + t.counts[r], t.counts[NOT_RATED])),
  );
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / Math.max(1, grid.trend.length);
  const barWidth = Math.min(48, slot * 0.6);
  const bars = grid.trend.flatMap((point, i) => {
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    let y = HEIGHT - BOTTOM;
    const parts = RATINGS.filter((r) => point.counts[r] > 0).map((rating) => {
      const h = (point.counts[rating] / max) * plotHeight;
      y -= h;
      const rect = svg('rect', {
        x: x.toFixed(1),
        y: y.toFixed(1),
        width: barWidth.toFixed(1),
        height: h.toFixed(1),
        fill: RATING_COLOUR[rating],
      });
      rect.append(svg('title', {}, `${point.periodId}: ${rating} ${point.counts[rating]}`));
      return rect;
    });
    const label = svg(
      'text',
      {
        x: (x + barWidth / 2).toFixed(1),
        y: String(HEIGHT - BOTTOM + 16),
        'text-anchor': 'middle',
        'font-size': '11',
      },
      point.periodId,
    );
    return [...parts, label];
  });
  const axis = [0, max].map((v) =>
    svg(
      'text',
      {
        x: String(LEFT - 6),
        y: String(HEIGHT - BOTTOM - (v / max) * plotHeight + 4),
        'text-anchor': 'end',
        'font-size': '11',
      },
      String(v),
    ),
  );
  const baseline = svg('line', {
    x1: String(LEFT),
    x2: String(WIDTH),
    y1: String(HEIGHT - BOTTOM),
    y2: String(HEIGHT - BOTTOM),
    stroke: '#4b5563',
  });
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': 'trend-title trend-desc' },
    svg('title', { id: 'trend-title' }, 'Ratings per reporting period'),
    svg('desc', { id: 'trend-desc' }, describe(grid)),
    baseline,
    ...axis,
    ...bars,
  );
  const legend = el(
    'ul',
    { class: 'legend' },
    ...RATINGS.map((r) =>
      el(
        'li',
        {},
        el('span', { class: 'swatch', style: `background-color: ${RATING_COLOUR[r]}` }),
        r,
      ),
    ),
  );
  return el(
    'section',
    { class: 'trend', 'aria-labelledby': 'trend-heading' },
    el('h2', { id: 'trend-heading' }, 'Trend'),
    chart,
    legend,
  );
}

function describe(grid: DashboardGrid): string {
  return grid.trend
    .map((t) => `${t.periodId}: ${RATING_ORDER.map((r) => `${r} ${t.counts[r]}`).join(', ')}`)
    .join('. ');
}
