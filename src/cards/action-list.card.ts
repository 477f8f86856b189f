import { actionLineData, type ActionLineView } from './action-line.js';
import { countsData, type CountsView } from './programme-status.card.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ActionListView {
  readonly title: string;
  readonly subtitle: string;
  /** Counts by rating above the list (a workstream's status); omitted for other lists. */
  readonly counts?: CountsView;
  readonly actions: readonly ActionLineView[];
  /** What to say when the list is empty. */
  readonly empty: string;
  readonly hint: string;
}

/** A list of actions with their ratings: a workstream's status, `/mine`, `/overdue`. */
export function renderActionListCard(view: ActionListView): RenderedCard {
  return renderTemplate('action-list', {
    title: view.title,
    subtitle: view.subtitle,
    counts: view.counts ? countsData(view.counts) : [],
    actions: view.actions.map(actionLineData),
    empty: view.empty,
    hint: view.hint,
  });
}
