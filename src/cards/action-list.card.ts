import type { PeopleNames } from '../domain/people-names.js';
import type { ActionLine } from '../app/action-line.js';
import type { RatingCounts } from '../domain/rating.js';
import { actionLineData } from './action-line.js';
import type { MeasureLine } from './measure-view.js';
import { countsData, countsText } from './programme-status.card.js';
import { drawItem, renderTemplate, type DrawnItem, type RenderedCard } from './render-template.js';

export interface ActionListView {
  readonly title: string;
  readonly subtitle: string;
  /** Counts by rating above the list (a workstream's status); omitted for other lists. */
  readonly counts?: RatingCounts;
  readonly actions: readonly ActionLine[];
  /** A workstream's measures, with where each stands; absent for other lists. */
  readonly measures?: readonly MeasureLine[];
  /** What to say when the list is empty. */
  readonly empty: string;
  readonly hint: string;
  /** Owners by name and job title; absent, by role code. */
  readonly names?: PeopleNames;
  /**
   * Set when the list is cut to fit one Teams message: how many more there are and where to
   * see them, and the report's address when there is one.
   */
  readonly more?: { readonly text: string; readonly url: string | null };
  /** Said above the lines, when they are a chosen few of a longer list. */
  readonly listNote?: string;
  /** A button that asks for the whole list: its title and the command it types. */
  readonly whole?: { readonly title: string; readonly command: string };
}

/**
 * Cards already rendered, by the list of lines they show. A list the status use case builds
 * again from a cached read is the same array, so its card is not templated again (templating
 * a 100-action card is the slowest part of a cached `/status`); any other list is new.
 */
const rendered = new WeakMap<
  readonly ActionLine[],
  { readonly key: string; readonly names: PeopleNames | undefined; readonly card: RenderedCard }
>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A list of actions with their ratings: a workstream's status, `/mine`, `/overdue`. */
export function renderActionListCard(view: ActionListView): RenderedCard {
  const key = JSON.stringify([
    view.title,
    view.subtitle,
    view.counts ?? null,
    view.measures ?? [],
    view.empty,
    view.hint,
    view.more ?? null,
    view.listNote ?? '',
    view.whole ?? null,
  ]);
  const known = rendered.get(view.actions);
  if (known?.key === key && known.names === view.names) return known.card;
  // Frozen because every later reply shares it: nothing may change one reply's card.
  const card = deepFreeze(render(view));
  rendered.set(view.actions, { key, names: view.names, card });
  return card;
}

/** Lines shown before "Show all", so a long list does not fill a phone. */
const LINES_SHOWN_FIRST = 8;

const drawLine = drawItem('action-list', 'first');

/**
 * Each line drawn once, by the template's own line element: a list cut to fit a message is
 * drawn several times with the same lines, and drawing a hundred lines is most of the cost of
 * a workstream's `/status`. The card shows the drawn line as it is; frozen, as cards that
 * share it are.
 */
const drawnLines = new WeakMap<
  ActionLine,
  { readonly names: PeopleNames | undefined; readonly drawn: DrawnItem }
>();

function lineElement(line: ActionLine, names: PeopleNames | undefined): DrawnItem {
  const known = drawnLines.get(line);
  if (known && known.names === names) return known.drawn;
  const drawn = drawLine(actionLineData(line, names));
  drawnLines.set(line, { names, drawn });
  return drawn;
}

function render(view: ActionListView): RenderedCard {
  const lines = view.actions.map((line) => lineElement(line, view.names));
  return renderTemplate('action-list', {
    title: view.title,
    subtitle: view.subtitle,
    counts: view.counts ? countsData(view.counts) : [],
    countsText: view.counts ? countsText(view.counts) : '',
    first: lines.slice(0, LINES_SHOWN_FIRST),
    rest: lines.slice(LINES_SHOWN_FIRST),
    showAll: `Show all ${lines.length}`,
    actions: lines,
    measures: view.measures ?? [],
    empty: view.empty,
    hint: view.hint,
    more: view.more?.text ?? '',
    moreUrl: view.more?.url ?? '',
    listNote: view.listNote ?? '',
    allTitle: view.whole?.title ?? '',
    allCommand: view.whole?.command ?? '',
  });
}
