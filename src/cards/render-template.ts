import { readFileSync } from 'node:fs';
import { frozenThroughout } from './json-length.js';
import type { Markdown } from './plain-text.js';
import { compileTemplate, DrawnItem, shapeOf, type Draw } from './template-compiler.js';

export { DrawnItem };

/** Every card template under `cards/`, by file name without `.json`. */
export type CardTemplateName =
  | 'help'
  | 'message'
  | 'programme-status'
  | 'action-list'
  | 'action-detail'
  | 'update-form'
  | 'receipt'
  | 'refusal'
  | 'error'
  | 'digest'
  | 'prompt'
  | 'escalation'
  | 'import-preview'
  | 'programme-choice'
  | 'revision-request'
  | 'pending'
  | 'sign-off'
  | 'sign-off-query'
  | 'mine';

/** An Adaptive Card ready to attach to a message or return from an invoke. */
export interface RenderedCard {
  readonly contentType: 'application/vnd.microsoft.card.adaptive';
  readonly content: Readonly<Record<string, unknown>>;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const templatesFolder = new URL('../../cards/', import.meta.url);
// Each template is read and compiled once per process, the first time a card of it is drawn.
const templates = new Map<CardTemplateName, unknown>();
const compiled = new Map<CardTemplateName, Draw>();

function templateJson(name: CardTemplateName): unknown {
  let json = templates.get(name);
  if (json === undefined) {
    json = JSON.parse(readFileSync(new URL(`${name}.json`, templatesFolder), 'utf8')) as unknown;
    templates.set(name, json);
  }
  return json;
}

function drawingOf(name: CardTemplateName): Draw {
  let draw = compiled.get(name);
  if (!draw) {
    draw = compileTemplate(templateJson(name), { where: `card template ${name}`, root: true });
    compiled.set(name, draw);
  }
  return draw;
}

/**
 * Draws a card template with data, as adaptivecards-templating expanded it: people's text is
 * shown as text, escaped for Markdown where Teams reads Markdown only. The only place in the
 * code base that draws card templates: handlers pass view data through the `*.card.ts`
 * functions, never card JSON.
 */
export function renderTemplate(name: CardTemplateName, data: object): RenderedCard {
  const content = drawingOf(name)({ root: data, data }) as Record<string, unknown>;
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** The values one repeated element is drawn with: text, or Markdown meant as such. */
export type ItemValues = Readonly<Record<string, string | Markdown>>;

function findRepeated(node: unknown, over: string): Record<string, unknown> | null {
  if (Array.isArray(node)) {
    for (const inner of node) {
      const found = findRepeated(inner, over);
      if (found) return found;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  const record = node as Record<string, unknown>;
  if (record['$data'] === `\${${over}}`) return record;
  for (const value of Object.values(record)) {
    const found = findRepeated(value, over);
    if (found) return found;
  }
  return null;
}

/**
 * Draws the element of template `name` that repeats over `over` (`"$data": "${over}"`) for one
 * item, exactly as {@link renderTemplate} draws it in the card, so a long list's lines can be
 * drawn once each however often the card around them is. The element may use only its item.
 */
export function repeatedElement(
  name: CardTemplateName,
  over: string,
): (item: ItemValues) => Record<string, unknown> {
  const draw = drawItem(name, over);
  return (item) => ({ ...draw(item).element });
}

/**
 * As {@link repeatedElement}, the line frozen and wrapped so that a card of the template shows
 * it in a list its element repeats over, as drawn, rather than drawing it again.
 */
export function drawItem(name: CardTemplateName, over: string): (item: ItemValues) => DrawnItem {
  const found = findRepeated(templateJson(name), over);
  if (!found) throw new Error(`Card template ${name} repeats nothing over ${over}.`);
  const where = `card template ${name}, over ${over}`;
  if ('$when' in found) {
    throw new Error(`In ${where}: a line shown only $when cannot be drawn alone.`);
  }
  const shape = shapeOf(found);
  const draw = compileTemplate(JSON.parse(shape), { where, root: false });
  return (item) => {
    const element = deepFreeze(draw({ root: undefined, data: item }) as Record<string, unknown>);
    frozenThroughout(element);
    return new DrawnItem(shape, element, item);
  };
}

function deepFreeze<T extends object>(value: T): T {
  if (!Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value) as unknown[]) {
      if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
    }
  }
  return value;
}
