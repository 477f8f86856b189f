import {
  escapeStrings,
  Markdown,
  plainText,
  restoreOutsideMarkdown,
  unescapePlainText,
} from './plain-text.js';
import {
  FAILED,
  holds,
  parseExpression,
  usesRoot,
  valueOf,
  type Expression,
  type Scope,
} from './template-expression.js';

/**
 * A card template compiled once into a function of its data, drawing exactly what
 * adaptivecards-templating's `Template.expand` drew from the data escaped by `escapeStrings`,
 * followed by `restoreOutsideMarkdown`: people's text escaped where Teams reads Markdown (a
 * TextBlock's text, a FactSet's facts), exact everywhere else. The engine parsed every
 * expression again on every card and escaped every string of the data, used or not; this
 * works out once what each part of the template is, and escapes only the text it draws.
 */
export type Draw = (scope: Scope) => unknown;

export interface CompileOptions {
  /** Names what is compiled in every message: "card template prompt". */
  readonly where: string;
  /** False for an element drawn alone with nothing but its item, where `$root` is refused. */
  readonly root: boolean;
}

/**
 * One item of a list drawn ahead by its repeated element alone (see `repeatedElement`), so a
 * card can show lines drawn once and shared: the card shows `element` where the engine would
 * have drawn `values` with the same element, and refuses it anywhere else.
 */
export class DrawnItem {
  constructor(
    /** The repeated element it was drawn by, as JSON without its `$data`. */
    readonly shape: string,
    readonly element: Readonly<Record<string, unknown>>,
    /** What it was drawn from. */
    readonly values: Readonly<Record<string, unknown>>,
  ) {}
}

/** A repeated element as JSON without its `$data`: the same for elements that draw alike. */
export function shapeOf(record: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([k]) => k !== '$data')));
}

/** Keys the engine reads and leaves out of the card. */
const ENGINE_KEYS = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

/** Compiles a template; throws, naming the place, at anything outside what the engine drew. */
export function compileTemplate(template: unknown, options: CompileOptions): Draw {
  return compileNode(template, false, options);
}

function compileNode(node: unknown, markdown: boolean, options: CompileOptions): Draw {
  if (typeof node === 'string') return compileString(node, markdown, options);
  if (Array.isArray(node)) return compileArray(node, markdown, options);
  if (node !== null && typeof node === 'object') {
    return compileObject(node as Record<string, unknown>, markdown, options);
  }
  return () => node;
}

/** The engine drops what draws as null from a list, and splices in what draws as several. */
function compileArray(nodes: readonly unknown[], markdown: boolean, options: CompileOptions): Draw {
  const parts = nodes.map((node) => compileNode(node, markdown, options));
  return (scope) => {
    const drawn: unknown[] = [];
    for (const part of parts) {
      const value = part(scope);
      if (value === null) continue;
      if (Array.isArray(value)) for (const inner of value) drawn.push(inner);
      else drawn.push(value);
    }
    return drawn;
  };
}

function compileObject(
  record: Readonly<Record<string, unknown>>,
  markdown: boolean,
  options: CompileOptions,
): Draw {
  const keys = Object.keys(record);
  const unknownKey = keys.find((key) => ENGINE_KEYS.has(key) && key !== '$data' && key !== '$when');
  if (unknownKey) throw new Error(`In ${options.where}: ${unknownKey} is not drawn by the cards.`);
  const type = record['type'];
  if (typeof type === 'string' && type.includes('${')) {
    throw new Error(`In ${options.where}: an element's type must be written out, not "${type}".`);
  }
  const fields = keys
    .filter((key) => !ENGINE_KEYS.has(key))
    .map((key) => [key, compileField(record[key], key, type, markdown, options)] as const);
  const drawOne = (scope: Scope): Record<string, unknown> => {
    const drawn: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const value = field(scope);
      if (value !== undefined) drawn[key] = value;
    }
    return drawn;
  };
  const when = record['$when'] === undefined ? null : condition(record['$when'], options);
  const over = record['$data'] === undefined ? null : repeat(record['$data'], options);
  if (over === null) {
    if (when === null) return drawOne;
    return (scope) => (holds(when, scope) ? drawOne(scope) : null);
  }
  // An item drawn ahead is shown as drawn only here: drawn alone, as this element draws it.
  const shape = when === null && !markdown ? shapeOf(record) : null;
  // One element per item (an item that is not a list is one item); none is null, one is itself.
  return (scope) => {
    const value = valueOf(over, scope);
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    const drawn: Readonly<Record<string, unknown>>[] = [];
    for (const item of items) {
      if (item instanceof DrawnItem) {
        if (item.shape !== shape) {
          throw new Error(`In ${options.where}: a list item drawn by another element.`);
        }
        drawn.push(item.element);
        continue;
      }
      const inner = item === undefined ? scope : { root: scope.root, data: item };
      if (when === null || holds(when, inner)) drawn.push(drawOne(inner));
    }
    return drawn.length === 0 ? null : drawn.length === 1 ? drawn[0] : drawn;
  };
}

function compileField(
  value: unknown,
  key: string,
  type: unknown,
  markdown: boolean,
  options: CompileOptions,
): Draw {
  if (markdown) return compileNode(value, true, options);
  if (type === 'TextBlock' && key === 'text') return compileNode(value, true, options);
  if (type === 'FactSet' && key === 'facts') {
    // Facts stay escaped only when they are a list, as restoreOutsideMarkdown decides.
    const draw = compileNode(value, true, options);
    return (scope) => {
      const drawn = draw(scope);
      return Array.isArray(drawn) ? drawn : restoreOutsideMarkdown(drawn);
    };
  }
  return compileNode(value, false, options);
}

/** A string that is one placeholder and nothing else, `"${…}"`, parsed; null otherwise. */
function wholePlaceholder(value: unknown, options: CompileOptions): Expression | null {
  if (typeof value !== 'string') return null;
  const pieces = splitPlaceholders(value, options);
  if (pieces.length !== 3 || pieces[0] !== '' || pieces[2] !== '') return null;
  return pieces[1] as Expression;
}

function condition(value: unknown, options: CompileOptions): Expression {
  const expression = wholePlaceholder(value, options);
  if (!expression) {
    throw new Error(
      `In ${options.where}: a $when must be one expression, "\${…}", not ${JSON.stringify(value)}.`,
    );
  }
  return expression;
}

function repeat(value: unknown, options: CompileOptions): Expression & { kind: 'reference' } {
  const expression = wholePlaceholder(value, options);
  if (expression?.kind !== 'reference') {
    throw new Error(
      `In ${options.where}: a $data must name a list, "\${name}", not ${JSON.stringify(value)}.`,
    );
  }
  return expression;
}

/** Literal text and parsed expressions in turn: literal, expression, literal, …, literal. */
function splitPlaceholders(text: string, options: CompileOptions): (string | Expression)[] {
  const pieces: (string | Expression)[] = [];
  let from = 0;
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', from)) {
    const end = text.indexOf('}', start);
    if (end < 0) throw new Error(`In ${options.where}: "${text}" opens \${ and does not close it.`);
    pieces.push(literalText(text.slice(from, start), text, options));
    const expression = parseExpression(text.slice(start + 2, end), options.where);
    if (!options.root && usesRoot(expression)) {
      throw new Error(`In ${options.where}: "${text}" needs the card's data ($root).`);
    }
    pieces.push(expression);
    from = end + 1;
  }
  pieces.push(literalText(text.slice(from), text, options));
  return pieces;
}

/** The engine reads `\` and `` ` `` in text around an expression as its own escapes. */
function literalText(piece: string, text: string, options: CompileOptions): string {
  if (/[\\`{}]/.test(piece)) {
    throw new Error(`In ${options.where}: "${text}" has \\, \` or a brace beside an expression.`);
  }
  return piece;
}

function compileString(text: string, markdown: boolean, options: CompileOptions): Draw {
  if (!text.includes('${')) {
    // Outside Markdown the template's own text is restored like the rest.
    const literal = markdown ? text : unescapePlainText(text);
    return () => literal;
  }
  const pieces = splitPlaceholders(text, options);
  const expressions = pieces.filter((_, i) => i % 2 === 1) as Expression[];
  const literals = pieces.filter((_, i) => i % 2 === 0) as string[];
  for (const expression of expressions) {
    if (expression.kind === 'comparison') {
      throw new Error(`In ${options.where}: "${text}" draws a comparison; only a $when may.`);
    }
  }
  const drawn = expressions as Exclude<Expression, { kind: 'comparison' }>[];
  const [only] = drawn;
  if (only && drawn.length === 1 && literals[0] === '' && literals[1] === '') {
    // The whole string is the value, of whatever type: a number for a column's width.
    return (scope) => drawWhole(valueOf(only, scope), markdown, text, options);
  }
  return (scope) => {
    const values = drawn.map((expression) => {
      const value = valueOf(expression, scope);
      return value === FAILED && expression.kind !== 'reference' ? expression.failed : value;
    });
    if (!markdown) {
      const exact = plainJoin(literals, values);
      if (exact !== null) return exact;
    }
    let joined = literals[0] ?? '';
    values.forEach((value, i) => {
      joined += escapedText(value, text, options) + (literals[i + 1] ?? '');
    });
    return markdown ? joined : unescapePlainText(joined);
  };
}

/**
 * The text outside Markdown when every value is plain text or a number: the same as escaping
 * each and restoring the whole, without doing either. Null for anything else.
 */
function plainJoin(literals: readonly string[], values: readonly unknown[]): string | null {
  let joined = literals[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (typeof value === 'string') joined += value;
    else if (typeof value === 'number' || typeof value === 'boolean') joined += String(value);
    else return null;
    joined += literals[i + 1] ?? '';
  }
  return joined;
}

/** A value as the engine writes it into a longer text, from the escaped data. */
function escapedText(value: unknown, text: string, options: CompileOptions): string {
  if (typeof value === 'string') return plainText(value);
  if (value instanceof Markdown) return value.markdown;
  if (value === null) {
    throw new Error(`In ${options.where}: "${text}" has a null value to write into text.`);
  }
  if (typeof value === 'object') return String(escapeStrings(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(
    `In ${options.where}: "${text}" has a value that is not text, a number or a flag.`,
  );
}

function drawWhole(
  value: unknown,
  markdown: boolean,
  text: string,
  options: CompileOptions,
): unknown {
  if (value === FAILED) throw new Error(`In ${options.where}: "${text}" cannot count that value.`);
  if (typeof value === 'string') return markdown ? plainText(value) : value;
  if (value instanceof Markdown)
    return markdown ? value.markdown : unescapePlainText(value.markdown);
  if (value === null || typeof value !== 'object') return value;
  const escaped = escapeStrings(value);
  return markdown ? escaped : restoreOutsideMarkdown(escaped);
}
