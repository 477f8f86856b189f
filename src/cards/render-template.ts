import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import {
  escapeStrings,
  Markdown,
  plainText,
  restoreOutsideMarkdown,
  unescapePlainText,
} from './plain-text.js';

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
// Parsing a template is the slow part of templating; each is parsed once per process.
const parsed = new Map<CardTemplateName, Template>();

function templateJson(name: CardTemplateName): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, templatesFolder), 'utf8'));
}

function templateOf(name: CardTemplateName): Template {
  let template = parsed.get(name);
  if (!template) {
    template = new Template(templateJson(name));
    parsed.set(name, template);
  }
  return template;
}

/**
 * Expands a template with data. The only place in the code base that expands card
 * templates: handlers pass view data through the `*.card.ts` functions, never card JSON.
 */
export function renderTemplate(name: CardTemplateName, data: object): RenderedCard {
  // People's text is shown as text: escaped for Markdown where Teams reads Markdown only.
  const expanded = templateOf(name).expand({ $root: escapeStrings(data) }) as unknown;
  const content = restoreOutsideMarkdown(expanded) as Record<string, unknown>;
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** The values one repeated element is drawn with: text, or Markdown meant as such. */
export type ItemValues = Readonly<Record<string, string | Markdown>>;

const PLACEHOLDER = /\$\{([A-Za-z]\w*)\}/g;

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
 * item, as {@link renderTemplate} draws it (text escaped where Teams reads Markdown, exact
 * elsewhere), without the templating engine: a long list's lines are drawn once each, however
 * often the card around them is. Only plain `${name}` placeholders are allowed in that element.
 */
export function repeatedElement(
  name: CardTemplateName,
  over: string,
): (item: ItemValues) => Record<string, unknown> {
  const found = findRepeated(templateJson(name), over);
  if (!found) throw new Error(`Card template ${name} repeats nothing over ${over}.`);
  const shape = Object.fromEntries(Object.entries(found).filter(([key]) => key !== '$data'));
  const draw = compileElement(shape, false, `card template ${name}, over ${over}`);
  return (item) => draw(item) as Record<string, unknown>;
}

type Draw = (item: ItemValues) => unknown;

/** The element as a function of the item, worked out once: only its placeholders vary. */
function compileElement(node: unknown, markdown: boolean, where: string): Draw {
  if (typeof node === 'string') return compileText(node, markdown, where);
  if (node === null || typeof node !== 'object') return () => node;
  if (Array.isArray(node)) {
    const parts = node.map((inner) => compileElement(inner, markdown, where));
    return (item) => parts.map((part) => part(item));
  }
  const record = node as Record<string, unknown>;
  if (Object.keys(record).some((key) => key.startsWith('$'))) {
    throw new Error(`In ${where}: an element that needs the templating engine.`);
  }
  const type = record['type'];
  // Where Teams reads Markdown, as renderTemplate leaves it escaped.
  const readsMarkdown = (key: string): boolean =>
    markdown || (type === 'TextBlock' && key === 'text') || (type === 'FactSet' && key === 'facts');
  const fields = Object.entries(record).map(
    ([key, value]) => [key, compileElement(value, readsMarkdown(key), where)] as const,
  );
  return (item) => {
    const drawn: Record<string, unknown> = {};
    for (const [key, field] of fields) drawn[key] = field(item);
    return drawn;
  };
}

function compileText(text: string, markdown: boolean, where: string): Draw {
  // split with one capture group: literal, key, literal, key, …, literal. Outside Markdown,
  // renderTemplate gives the template's own text back unescaped as well.
  const pieces = text
    .split(PLACEHOLDER)
    .map((piece, i) => (i % 2 === 1 || markdown ? piece : unescapePlainText(piece)));
  if (pieces.length === 1) {
    const literal = pieces[0] ?? '';
    return () => literal;
  }
  return (item) => {
    let drawn = pieces[0] ?? '';
    for (let i = 1; i < pieces.length; i += 2) {
      const key = pieces[i] ?? '';
      const value = item[key];
      if (value === undefined) throw new Error(`In ${where}: no value for ${key}.`);
      if (value instanceof Markdown) {
        drawn += markdown ? value.markdown : unescapePlainText(value.markdown);
      } else {
        drawn += markdown ? plainText(value) : value;
      }
      drawn += pieces[i + 1] ?? '';
    }
    return drawn;
  };
}
