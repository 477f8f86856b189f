import type { PeopleNames } from '../domain/people-names.js';
import type { ActionLine } from '../app/action-line.js';
import type { RatingCounts } from '../domain/rating.js';
import { actionLineData } from './action-line.js';
import type { MeasureLine } from './measure-view.js';
import { countsData, countsText } from './programme-status.card.js';
import { renderTemplate, repeatedElement, type RenderedCard } from './render-template.js';

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

const drawLine = repeatedElement('action-list', 'first');

/**
 * Each line's card element, drawn once: a list cut to fit a message is drawn several times
 * with the same lines, and expanding a hundred lines through the templating engine is most of
 * the cost of a workstream's `/status`. Frozen, as cards that share it are.
 */
const drawnLines = new WeakMap<
  ActionLine,
  { readonly names: PeopleNames | undefined; readonly element: Record<string, unknown> }
>();

function lineElement(line: ActionLine, names: PeopleNames | undefined): Record<string, unknown> {
  const known = drawnLines.get(line);
  if (known && known.names === names) return known.element;
  const element = deepFreeze(drawLine(actionLineData(line, names)));
  drawnLines.set(line, { names, element });
  return element;
}

/**
 * Stand in for the lines shown first and for the rest while the engine expands the card
 * around them; each is then replaced by its lines, drawn above. A mark is found by being
 * drawn exactly as the engine drew it, so the two ways of drawing a line cannot drift apart.
 */
const FIRST_MARK = { ref: '\u0000first', line: '', facts: '' };
const REST_MARK = { ref: '\u0000rest', line: '', facts: '' };
const FIRST_JSON = JSON.stringify(drawLine(FIRST_MARK));
const REST_JSON = JSON.stringify(drawLine(REST_MARK));

function replaceMarks(
  node: unknown,
  first: readonly unknown[],
  rest: readonly unknown[],
  found: Set<string>,
): unknown {
  if (Array.isArray(node)) {
    return node.flatMap((element: unknown) => {
      if (typeof element !== 'object' || element === null) return [element];
      const json = JSON.stringify(element);
      const lines = json === FIRST_JSON ? first : json === REST_JSON ? rest : null;
      if (lines === null) return [replaceMarks(element, first, rest, found)];
      found.add(json);
      return lines;
    });
  }
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, replaceMarks(value, first, rest, found)]),
  );
}

function render(view: ActionListView): RenderedCard {
  const lines = view.actions.map((line) => lineElement(line, view.names));
  const first = lines.slice(0, LINES_SHOWN_FIRST);
  const rest = lines.slice(LINES_SHOWN_FIRST);
  const card = renderTemplate('action-list', {
    title: view.title,
    subtitle: view.subtitle,
    counts: view.counts ? countsData(view.counts) : [],
    countsText: view.counts ? countsText(view.counts) : '',
    first: first.length > 0 ? [FIRST_MARK] : [],
    rest: rest.length > 0 ? [REST_MARK] : [],
    showAll: `Show all ${lines.length}`,
    actions: lines.length > 0 ? [FIRST_MARK] : [],
    measures: view.measures ?? [],
    empty: view.empty,
    hint: view.hint,
    more: view.more?.text ?? '',
    moreUrl: view.more?.url ?? '',
  });
  const found = new Set<string>();
  const content = replaceMarks(card.content, first, rest, found) as Record<string, unknown>;
  const expected = (first.length > 0 ? 1 : 0) + (rest.length > 0 ? 1 : 0);
  if (found.size !== expected) {
    throw new Error('The action-list card template no longer draws its lines as expected.');
  }
  return { ...card, content };
}
