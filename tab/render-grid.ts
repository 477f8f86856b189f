import type { DashboardGrid, GridRow } from '../src/app/dashboard.use-case.js';
import { NOT_RATED } from '../src/domain/rating.js';
import { el } from './dom.js';

/** The BRAG grid: one row per action, one column per period, each cell its word on its colour. */
export function renderGrid(grid: DashboardGrid): HTMLElement {
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
      ...grid.periods.map((p) => el('th', { scope: 'col' }, p.id)),
    ),
  );
  const body = el('tbody', {}, ...grid.rows.map(renderRow));
  if (grid.rows.length === 0) {
    const span = String(grid.periods.length + 2);
    body.append(el('tr', {}, el('td', { colspan: span }, 'No actions match these filters.')));
  }
  const table = el('table', { class: 'grid', id: 'grid' }, caption, head, body);
  // A focusable, labelled region lets keyboard users scroll the wide grid on a phone.
  return el(
    'div',
    { class: 'grid-scroll', role: 'region', 'aria-label': 'BRAG grid', tabindex: '0' },
    table,
  );
}

function renderRow(row: GridRow): HTMLTableRowElement {
  return el(
    'tr',
    { 'data-ref': row.ref },
    el('th', { scope: 'row' }, el('span', { class: 'ref' }, row.ref), row.title),
    el('td', {}, el('abbr', { title: row.ownerTitle }, row.ownerRole)),
    ...row.cells.map((cell) => {
      const notRated = cell.rating === NOT_RATED;
      const attributes: Record<string, string> = {
        class: notRated ? 'rating not-rated' : 'rating',
        style: `background-color: ${cell.colour}`,
      };
      if (cell.note) attributes['title'] = cell.note;
      return el('td', attributes, cell.rating);
    }),
  );
}

export function describeCount(grid: DashboardGrid): string {
  const shown = grid.rows.length;
  return shown === grid.totalActions
    ? `all ${shown} actions`
    : `${shown} of ${grid.totalActions} actions`;
}
