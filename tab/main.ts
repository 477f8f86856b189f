import type { DashboardFilters, DashboardGrid } from '../src/app/dashboard.use-case.js';
import type { ProgrammeList, TabApi } from './api.js';
import { connect, TabError } from './api.js';
import { el } from './dom.js';
import { describeCount, renderGrid } from './render-grid.js';
import { renderFilters } from './render-filters.js';
import { renderMeasures } from './render-measures.js';
import { renderTrend } from './render-trend.js';

const status = document.getElementById('status') as HTMLElement;
/** The width below which the grid shows the newest period first (tab.css uses the same). */
const narrowScreen = window.matchMedia('(max-width: 40rem)');
const root = document.getElementById('app') as HTMLElement;

async function start(): Promise<void> {
  const api = await connect();
  const list = await api.programmes();
  const { programmes } = list;
  if (programmes.length === 0) {
    say('You are not in any programme yet. Ask a programme admin to map your role to you.');
    return;
  }
  const asked = new URLSearchParams(location.search).get('programme');
  const first = programmes.find((p) => p.id === asked) ?? programmes[0];
  if (first) await show(api, list, first.id, {});
}

/** Which call of {@link show} was made last: only its answer is drawn. */
let latestShow = 0;

async function show(
  api: TabApi,
  list: ProgrammeList,
  programmeId: string,
  filters: DashboardFilters,
): Promise<void> {
  const asked = (latestShow += 1);
  const grid = await api.dashboard(programmeId, filters);
  // Someone changed a filter again while this was loading: an answer arriving after the
  // later one's must not draw the older choice over it.
  if (asked !== latestShow) return;
  const heading = document.getElementById('heading');
  if (heading) heading.textContent = `${grid.programme.name}: dashboard`;
  const parts: HTMLElement[] = [];
  if (list.programmes.length > 1) parts.push(programmePicker(api, list, programmeId));
  parts.push(
    renderFilters(grid, (next) => void show(api, list, programmeId, next).catch(fail)),
    links(api, list.canExport, programmeId),
    gridFor(grid),
    renderTrend(grid),
  );
  const measures = renderMeasures(grid);
  if (measures) parts.push(measures);
  root.replaceChildren(...parts);
  say(`Showing ${describeCount(grid)}.`);
}

/** The grid, drawn again when the screen turns between narrow and wide. */
function gridFor(grid: DashboardGrid): HTMLElement {
  const holder = el(
    'div',
    { class: 'grid-holder' },
    renderGrid(grid, { narrow: narrowScreen.matches }),
  );
  narrowScreen.onchange = () => {
    holder.replaceChildren(renderGrid(grid, { narrow: narrowScreen.matches }));
  };
  return holder;
}

function programmePicker(api: TabApi, list: ProgrammeList, current: string): HTMLElement {
  const options = list.programmes.map((p) => {
    const option = el('option', { value: p.id }, p.name);
    option.selected = p.id === current;
    return option;
  });
  const picker = el('select', { id: 'programme', name: 'programme' }, ...options);
  picker.addEventListener('change', () => {
    void show(api, list, picker.value, {}).catch(fail);
  });
  return el('p', { class: 'filters' }, el('label', { for: 'programme' }, 'Programme', picker));
}

function links(api: TabApi, canExport: boolean, programmeId: string): HTMLElement {
  const id = encodeURIComponent(programmeId);
  const report = el(
    'li',
    {},
    el('a', { href: `/report/${id}`, target: '_blank', rel: 'noopener' }, 'Open the full report'),
  );
  let exportItem: HTMLElement;
  if (canExport) {
    const button = el(
      'a',
      { href: `/api/tab/programmes/${id}/export` },
      'Download the board pack (.xlsx)',
    );
    button.addEventListener('click', (event) => {
      // The download needs the user's token, which a plain link cannot carry.
      event.preventDefault();
      void download(api, programmeId).catch(fail);
    });
    exportItem = el('li', {}, button);
  } else {
    exportItem = el(
      'li',
      {},
      'Board pack: programme admins type /export in their chat with the bot.',
    );
  }
  return el('ul', { class: 'links' }, report, exportItem);
}

async function download(api: TabApi, programmeId: string): Promise<void> {
  const { blob, fileName } = await api.exportPack(programmeId);
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

function say(text: string): void {
  status.textContent = text;
  status.classList.remove('error');
}

function fail(error: unknown): void {
  status.classList.add('error');
  status.textContent =
    error instanceof TabError
      ? error.message
      : `The dashboard could not load (${String(error)}). Reload the tab to try again.`;
}

start().catch(fail);
