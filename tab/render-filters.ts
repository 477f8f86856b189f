import type { DashboardFilters, DashboardGrid } from '../src/app/dashboard.use-case.js';
import { RATING_ORDER } from '../src/domain/rating.js';
import { el } from './dom.js';

interface Choice {
  readonly value: string;
  readonly label: string;
}

/** Labelled selects for workstream, owner and rating; `onChange` gets the new filters. */
export function renderFilters(
  grid: DashboardGrid,
  onChange: (filters: DashboardFilters) => void,
): HTMLFormElement {
  const workstream = select(
    'filter-workstream',
    'Workstream',
    'All workstreams',
    grid.filters.workstream,
    grid.workstreams.map((w) => ({ value: w.code, label: `${w.code}: ${w.name}` })),
  );
  const owner = select(
    'filter-owner',
    'Owner',
    'All owners',
    grid.filters.owner,
    grid.owners.map((o) => ({ value: o.code, label: `${o.code}: ${o.title}` })),
  );
  const rating = select(
    'filter-rating',
    'Latest rating',
    'Any rating',
    grid.filters.rating,
    RATING_ORDER.map((r) => ({ value: r, label: r })),
  );
  const form = el(
    'form',
    { class: 'filters', 'aria-label': 'Filter the actions' },
    workstream.label,
    owner.label,
    rating.label,
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    const filters: { -readonly [K in keyof DashboardFilters]: DashboardFilters[K] } = {};
    if (workstream.select.value) filters.workstream = workstream.select.value;
    if (owner.select.value) filters.owner = owner.select.value;
    if (rating.select.value)
      filters.rating = rating.select.value as NonNullable<DashboardFilters['rating']>;
    onChange(filters);
  });
  return form;
}

function select(
  id: string,
  text: string,
  anyLabel: string,
  current: string | undefined,
  choices: readonly Choice[],
): { label: HTMLLabelElement; select: HTMLSelectElement } {
  const options = [{ value: '', label: anyLabel }, ...choices].map((c) => {
    const option = el('option', { value: c.value }, c.label);
    option.selected = c.value === (current ?? '');
    return option;
  });
  const control = el('select', { id, name: id }, ...options);
  return { label: el('label', { for: id }, text, control), select: control };
}
