import type { DashboardGrid, GridRow } from '../src/app/dashboard.use-case.js';
import type { DueDate } from '../src/domain/local-date.js';
import { formatDate } from '../src/domain/dates.js';
import { NOT_RATED } from '../src/domain/rating.js';
import { lateLettersText, stepsDoneText } from '../src/domain/step-completion.js';
import { el } from './dom.js';

/** How the grid is laid out for the screen it is on. */
export interface GridLayout {
  /**
   * A phone: the newest period comes first, beside the action, since that is what people
   * look for; earlier periods are a sideways scroll away, and the grid says so.
   */
  readonly narrow: boolean;
}

/** The BRAG grid: one row per action, one column per period, each cell a swatch and its word. */
export function renderGrid(
  grid: DashboardGrid,
  layout: GridLayout = { narrow: false },
): HTMLElement {
  const order = grid.periods.map((_, i) => i);
  if (layout.narrow) order.reverse();
  const caption = el(
    'caption',
    {},
    `${grid.programme.name}: ratings by reporting period (${describeCount(grid)})`,
  );
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { scope: 'col' }, 'Action'),
      el('th', { scope: 'col' }, 'Owner'),
      ...order.map((i) => el('th', { scope: 'col' }, grid.periods[i]?.id ?? '')),
    ),
  );
  const body = el('tbody', {}, ...grid.rows.map((row) => renderRow(row, order)));
  if (grid.rows.length === 0) {
    const span = String(grid.periods.length + 2);
    body.append(el('tr', {}, el('td', { colspan: span }, 'No actions match these filters.')));
  }
  const table = el('table', { class: 'grid', id: 'grid' }, caption, head, body);
  // A focusable, labelled region lets keyboard users scroll the wide grid on a phone.
  const scroller = el(
    'div',
    { class: 'grid-scroll', role: 'region', 'aria-label': 'BRAG grid', tabindex: '0' },
    table,
  );
  if (!layout.narrow || grid.periods.length < 2) return scroller;
  const hint = el(
    'p',
    { class: 'scroll-hint', id: 'scroll-hint' },
    'Newest period first. Swipe the grid sideways for earlier periods →',
  );
  scroller.setAttribute('aria-describedby', 'scroll-hint');
  return el('div', { class: 'grid-narrow' }, hint, scroller);
}

function renderRow(row: GridRow, order: readonly number[]): HTMLTableRowElement {
  return el(
    'tr',
    { 'data-ref': row.ref },
    el(
      'th',
      { scope: 'row' },
      el('span', { class: 'ref' }, row.ref),
      row.title,
      ...renderSteps(row),
    ),
    el('td', {}, el('abbr', { title: row.ownerTitle }, row.ownerRole)),
    ...order.flatMap((i) => {
      const cell = row.cells[i];
      if (!cell) return [];
      const notRated = cell.rating === NOT_RATED;
      const attributes: Record<string, string> = {
        class: notRated ? 'rating not-rated' : 'rating',
      };
      if (cell.note) attributes['title'] = cell.note;
      // The colour is a swatch beside the word; the word itself stays in the text colour.
      const swatch = el('span', {
        class: 'swatch',
        'aria-hidden': 'true',
        style: `background-color: ${cell.colour}`,
      });
      return [el('td', attributes, swatch, cell.rating)];
    }),
  );
}

/**
 * "3 of 9 steps done · late: h), i)", as the status cards say it; each late step's title and
 * date are a hover or long-press away.
 */
function renderSteps(row: GridRow): HTMLElement[] {
  const { steps } = row;
  if (steps === null) return [];
  const done = stepsDoneText(steps) ?? '';
  const late = lateLettersText(steps.late.map((step) => step.letter));
  const line = el('span', { class: 'steps', 'data-steps': row.ref }, done);
  if (late !== null) {
    const which = steps.late
      .map((step) => `${step.letter}) ${step.title}${dueWords(step.due)}`)
      .join('\n');
    line.append(' · ', el('span', { class: 'late-steps', title: which }, late));
  }
  return [line];
}

function dueWords(due: DueDate | null): string {
  if (due === null || due === 'Ongoing') return '';
  return ` (due ${formatDate(due)})`;
}

export function describeCount(grid: DashboardGrid): string {
  const shown = grid.rows.length;
  return shown === grid.totalActions
    ? `all ${shown} actions`
    : `${shown} of ${grid.totalActions} actions`;
}
